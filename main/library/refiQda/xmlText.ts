/**
 * XML 1.0 text and attribute values: the five markup characters escaped, and the characters
 * XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage return, lone
 * surrogates, U+FFFE/U+FFFF) dropped, since no escape makes them legal. Carriage returns and
 * newlines in attributes are written as references so a parser's normalisation keeps them.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(illegal, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `<name a="…" b="…">` or the self-closed form, attributes with undefined values left out. */
export function openTag(name: string, attributes: Record<string, string | number | boolean | undefined>, close = false): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    out += ` ${key}="${xmlAttribute(String(value))}"`;
  }
  return `${out}${close ? '/>' : '>'}`;
}
