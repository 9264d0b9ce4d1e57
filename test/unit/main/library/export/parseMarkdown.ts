import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** CommonMark + GFM (tables, autolinks, strikethrough) + YAML front matter, as Obsidian reads at least. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** Every node under `node`, itself included, depth first. */
export function allNodes(node: Nodes): Nodes[] {
  const out: Nodes[] = [node];
  if ('children' in node) for (const child of node.children) out.push(...allNodes(child));
  return out;
}

/** The plain text of a node, as a reader sees it. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

/** Structure that text escaped for Markdown must never produce. */
export const structureTypes = new Set([
  'heading',
  'list',
  'listItem',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'emphasis',
  'strong',
  'delete',
  'html',
  'inlineCode',
  'code',
  'table',
  'thematicBreak',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
  'break',
  'blockquote',
]);

/**
 * The structure types found under `node` (itself included), except a GFM literal autolink:
 * a bare address GFM links to itself, whose text is the address exactly as written.
 */
export function structureOf(node: Nodes): string[] {
  return allNodes(node)
    .filter((n) => structureTypes.has(n.type) && !isLiteralAutolink(n))
    .map((n) => n.type);
}

function isLiteralAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`;
}

/** One of the HTML comments marking Pizhu's regions and properties in an exported file (markedRegions). */
export function isPizhuMarker(node: Nodes): boolean {
  return node.type === 'html' && /^<!-- pizhu:(begin|end|properties)\b[^\n]*-->$/.test(node.value);
}

/** An exported file with Pizhu's region and property markers taken out, as a person rewriting it might. */
export function withoutMarkers(text: string): string {
  return text.replace(/^<!-- pizhu:[^\n]*\n/gm, '');
}

/** The tree without Pizhu's markers at its top level (where they stand alone); any other HTML stays. */
export function withoutPizhuMarkers(tree: Root): Root {
  return { ...tree, children: tree.children.filter((node) => !isPizhuMarker(node)) };
}
