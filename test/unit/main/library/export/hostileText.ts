/**
 * A small seeded generator of text that means something in Markdown, GFM, Obsidian or YAML
 * if written as it is, for the export's property tests. Seeded so a failure names its case.
 */

/** mulberry32: a tiny deterministic PRNG, enough to spread cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Pieces of syntax and the text around it; joined at random they make the hostile strings. */
const inlineAtoms = [
  // Links, images, autolinks, addresses.
  '[', ']', '(', ')', '!', '![t](http://evil.example/i.png)', '[label](http://evil.example/)', '[x][ref]',
  '<http://a.example>', '<me@a.example>', 'http://', 'https://x.example/a_b*c*', 'http://x.example/a(b)',
  'www.', 'www.example.com', 'WWW.EXAMPLE.COM/x_y', 'www.a.cn/p?a=1&b=2#f', 'me@example.com', 'a_b@x.cn',
  'javascript:alert(1)', 'pizhu://article/1', '[↗ Pizhu](pizhu://article/9)',
  // HTML and entities.
  '<b>', '</div>', '<img src=x onerror=alert(1)>', '<!-- c -->', '-->', '<?php ?>', '<![CDATA[x]]>', '&amp;',
  '&#20013;', '&#x4e2d;', '&copy', '&', '&lt;script&gt;',
  // Obsidian: highlights, block ids, tags, wikilinks, embeds, comments, math, footnotes, callouts.
  '==', '=', '===', '^id', '^', ' ^block-1', '#tag', '#', '#话题#', '[[wiki]]', '![[embed]]', '[[', ']]',
  '%%', '%%注释%%', '$', '$$', '$x$', '[^1]', '[^1]: 脚注', '[!note]',
  // Emphasis, code, strikethrough, tables, escapes.
  '*', '**', '***', '_', '__', '*强调*', '_也不是_', '`', '``', '`code`', '```', '~~~', '~', '~~', '~~删~~',
  '|', '| a | b |', '|---|', ':-:', '\\', '\\\\', '\\*', '\\[',
  // Front matter and YAML breakers.
  '---', '...', ':', ': ', '"', "'", 'yes', 'null', '~', '2024-01-01', '{', '}', '[a, b]', '- a', '? k', '!!str',
  '&anchor', '*alias', '|', '>-', '#comment', '%YAML',
  // CJK punctuation next to markers, and ordinary text.
  '：', '，', '。', '、', '「', '」', '（', '）', '【', '】', '“', '”', '——', '…', '中文', '互联网', '平安', 'abc', 'x',
  '1', '2024', ' ', ' ', '  ', '\u00a0', '\u3000', '\u202e', '\u2066', '\u200b',
] as const;

/** Pieces that only make sense where a line starts. */
const lineStartAtoms = [
  '# ', '## ', '###### ', '#', '> ', '>', '- ', '+ ', '* ', '1. ', '2) ', '123456789. ', '    ', '\t', '  ',
  '---', '***', '___', '===', '```', '~~~', '| ', '[ref]: http://a.example', '[^1]: x', '<div>', '<!--',
  '- [ ] ', '> [!warning]', '$$', '%%',
] as const;

/** One line: maybe a line-start piece, then a few inline pieces. */
export function hostileLine(random: Random, maxAtoms = 8): string {
  let line = random() < 0.45 ? pick(random, lineStartAtoms) : '';
  const n = between(random, 1, maxAtoms);
  for (let i = 0; i < n; i++) line += pick(random, inlineAtoms);
  if (random() < 0.2) line += pick(random, [' ', '  ', '\t']);
  return line;
}

/** Several lines (empty ones too), joined by \n, \r\n or \r. */
export function hostileText(random: Random, maxLines = 4): string {
  const lines: string[] = [];
  const n = between(random, 1, maxLines);
  for (let i = 0; i < n; i++) lines.push(random() < 0.12 ? '' : hostileLine(random));
  let text = '';
  lines.forEach((line, i) => {
    text += (i === 0 ? '' : pick(random, ['\n', '\n', '\n', '\r\n', '\r'])) + line;
  });
  return text;
}

/**
 * A tag the library accepts (normalizeTagName): no control characters, trimmed, each level
 * non-empty; sometimes nested.
 */
export function hostileTag(random: Random): string {
  const levels = between(random, 1, 3);
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) {
    let part = '';
    const n = between(random, 1, 3);
    for (let k = 0; k < n; k++) part += pick(random, inlineAtoms).replace(/[\t\n\r/]/g, '');
    part = part.trim();
    parts.push(part === '' ? pick(random, ['.', '..', '政策', 'x']) : part);
  }
  return parts.join('/');
}
