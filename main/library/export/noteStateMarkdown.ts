import { escapeMarkdownText } from './escapeMarkdownText';

/**
 * A note's Markdown for an export, written from its Lexical editor state: the structure the
 * person made (bold, italic, links, quotes, lists) as Markdown, and every character they typed
 * as text. The Markdown the editor stores cannot serve: Lexical escapes only its own emphasis
 * markers, so a typed `[label](url)`, `<b>` or `==…==` came out as a live link, HTML or a
 * highlight. A state that is not Lexical JSON, or shows no words while the note has some,
 * gives the note's plain text, escaped: words are never dropped.
 */
export function noteStateMarkdown(note: { editorState: string; plainText: string; markdown: string }): string {
  const root = parseRoot(note.editorState);
  const fromState = root === null ? '' : renderBlocks(root);
  if (fromState.trim() !== '' || (note.plainText.trim() === '' && note.markdown.trim() === '')) return fromState;
  // A state that shows no words while the note has some (readableNote's rule): its words, as text.
  const text = note.plainText.trim() === '' ? note.markdown : note.plainText;
  return escapeMarkdownText(text.trim());
}

function renderBlocks(root: LexicalNode): string {
  const blocks: string[] = [];
  let previousList: { numbered: boolean; alternate: boolean } | null = null;
  for (const node of children(root)) {
    let block: string;
    if (node.type === 'list') {
      // Two lists in a row are one list in Markdown unless their markers differ.
      const numbered = node.listType === 'number';
      const alternate: boolean = previousList !== null && previousList.numbered === numbered && !previousList.alternate;
      block = renderList(node, '', alternate);
      previousList = { numbered, alternate };
    } else {
      block = renderBlock(node);
      previousList = null;
    }
    if (block.trim() !== '') blocks.push(block);
  }
  return blocks.join('\n\n');
}

type LexicalNode = Record<string, unknown>;

function parseRoot(editorState: string): LexicalNode | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(editorState);
  } catch {
    return null;
  }
  if (!isNode(parsed) || !isNode(parsed.root) || !Array.isArray(parsed.root.children)) return null;
  return parsed.root;
}

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: LexicalNode): LexicalNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function renderBlock(node: LexicalNode): string {
  switch (node.type) {
    case 'quote':
      return inlineLines(children(node))
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    default:
      // A paragraph, or a block the app does not make: its words, as text.
      return inlineLines(children(node)).join('\n');
  }
}

/** `- a` / `1. a` per item (`+ a` / `1) a` when alternate), a nested list indented under its item by the marker's width. */
function renderList(list: LexicalNode, indent: string, alternate = false): string {
  const numbered = list.listType === 'number';
  let number = typeof list.start === 'number' && Number.isSafeInteger(list.start) ? list.start : 1;
  const lines: string[] = [];
  for (const item of children(list)) {
    const nested = children(item).filter((c) => c.type === 'list');
    const inline = children(item).filter((c) => c.type !== 'list');
    const marker = numbered ? `${number++}${alternate ? ')' : '.'} ` : alternate ? '+ ' : '- ';
    const pad = indent + ' '.repeat(marker.length);
    const text = inlineLines(inline);
    if (inline.length > 0 || nested.length === 0) {
      text.forEach((line, i) => lines.push(i === 0 ? `${indent}${marker}${line}` : line === '' ? '' : `${pad}${line}`));
    }
    for (const sub of nested) lines.push(renderList(sub, inline.length > 0 ? pad : indent));
  }
  return lines.join('\n');
}

interface Piece {
  text: string;
  /** 1 bold, 2 italic (Lexical's format bits); other formats have no Markdown here. */
  format: number;
  url: string | null;
}

/** Inline nodes as lines of Markdown: a line break starts a new line. */
function inlineLines(nodes: readonly LexicalNode[]): string[] {
  const lines: Piece[][] = [[]];
  const walk = (node: LexicalNode, url: string | null) => {
    if (node.type === 'linebreak') lines.push([]);
    else if (node.type === 'tab') lines[lines.length - 1]!.push({ text: '\t', format: 0, url });
    else if (typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format & 3 : 0;
      node.text.split(/\r\n|\r|\n/).forEach((part, i) => {
        if (i > 0) lines.push([]);
        lines[lines.length - 1]!.push({ text: part, format, url });
      });
    } else {
      const link = (node.type === 'link' || node.type === 'autolink') && typeof node.url === 'string' ? node.url : url;
      for (const child of children(node)) walk(child, link);
    }
  };
  for (const node of nodes) walk(node, null);
  return lines.map(renderLine);
}

function renderLine(pieces: readonly Piece[]): string {
  let out = '';
  let i = 0;
  while (i < pieces.length) {
    const url = pieces[i]!.url;
    if (url === null) {
      out += renderRun(pieces[i]!, i === 0, i === pieces.length - 1);
      i++;
      continue;
    }
    // A link: its pieces as the label.
    let label = '';
    let k = i;
    for (; k < pieces.length && pieces[k]!.url === url; k++) label += renderRun(pieces[k]!, false, false);
    out += `[${label}](<${linkDestination(url)}>)`;
    i = k;
  }
  return out;
}

/** One text run, escaped, inside `**`/`*`, with its outer white space outside them (or they would not count). */
function renderRun(piece: Piece, lineStart: boolean, lineEnd: boolean): string {
  const marker = piece.format === 3 ? '***' : piece.format === 1 ? '**' : piece.format === 2 ? '*' : '';
  if (marker === '' || piece.text.trim() === '') {
    return escapeMarkdownText(piece.text, { lineStart, lineEnd });
  }
  const [, before = '', inner = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(piece.text) ?? [];
  return (
    escapeMarkdownText(before, { lineStart, lineEnd: false }) +
    marker +
    escapeMarkdownText(inner, { lineStart: lineStart && before === '', lineEnd: false }) +
    marker +
    escapeMarkdownText(after, { lineStart: false, lineEnd })
  );
}

/** A link destination inside `<…>`: no line breaks or angle brackets, which would end or break it. */
function linkDestination(url: string): string {
  return url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c));
}
