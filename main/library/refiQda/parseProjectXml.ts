import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LibraryError } from '../libraryError';

/** One element as the parser gives it: attributes as strings, children by name, text under '#text'. */
export type XmlNode = { [key: string]: string | Array<XmlNode | string> | undefined };

/**
 * Parses a project or codebook document, refusing one that is not well-formed XML with the
 * parser's own line and reason. Entities are decoded here rather than by the parser: only the
 * five predefined ones and character references, so a DOCTYPE cannot expand anything.
 */
export function parseProjectXml(xml: string, name: string): XmlNode {
  const checked = XMLValidator.validate(xml);
  if (checked !== true) {
    throw new LibraryError(
      'unsupported-file',
      `"${name}" is not well-formed XML (line ${checked.err.line}: ${checked.err.msg}); nothing was imported.`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Every element an array, so one and many read alike; attributes stay strings.
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
    tagValueProcessor: (_tag, value) => decodeEntities(value),
    attributeValueProcessor: (_attr, value) => decodeEntities(value),
  });
  return parser.parse(xml) as XmlNode;
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The child elements called `name`. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  // A text-only element comes as its text.
  return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? { '#text': item } : item)) : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** An element's text content (a Description, a PlainTextContent). */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  const text = node['#text'];
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((t) => (typeof t === 'string' ? t : '')).join('');
  return '';
}
