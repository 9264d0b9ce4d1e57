/**
 * File names that Windows, macOS, Linux and Obsidian all accept, made from a title so that the
 * same title and id always give the same name (a later export overwrites, never duplicates).
 */

/** Most file systems allow 255 bytes; 120 leaves room for sync tools' conflict suffixes and deep folders. */
export const maxFileNameBytes = 120;

/**
 * Characters Windows forbids (`/\:*?"<>|`) and those that break an Obsidian link (`#^[]`),
 * each replaced by its full-width twin: readable in a Chinese title, and the same every time.
 */
const replacements: Readonly<Record<string, string>> = {
  '/': '／',
  '\\': '＼',
  ':': '：',
  '*': '＊',
  '?': '？',
  '"': '＂',
  '<': '＜',
  '>': '＞',
  '|': '｜',
  '#': '＃',
  '^': '＾',
  '[': '［',
  ']': '］',
};
const forbidden = /[/\\:*?"<>|#^[\]]/g;
/** The full-width twins above: a name holding one could have come from either character. */
const twins = /[／＼：＊？＂＜＞｜＃＾［］｀～＿＆]/;

/**
 * Whether `safeFileName({ stem: text, ... })` says `text` exactly, apart from the swap of
 * forbidden characters for their twins (which cannot be mistaken if `text` holds no twin).
 */
export function isFaithfulStem(text: string, name: string): boolean {
  return (
    !twins.test(text) &&
    name === text.replace(forbidden, (c) => replacements[c] ?? '_').replace(markdownActive, (c) => markdownTwins[c] ?? c)
  );
}
// C0, DEL and C1 controls, and the line/paragraph separators: never part of a name.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * Invisible format characters (Unicode Cf): the bidi embeddings, overrides, isolates and marks
 * (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) make `gpj.exe` show as `exe.jpg` and hide what a
 * name says; soft hyphens, zero-width spaces and the BOM make two names that look alike differ.
 * Removed, except the joiners (U+200C/U+200D), which Persian words and emoji sequences need.
 */
const invisibleFormat = /(?![\u200c\u200d])\p{Cf}/gu;
/** CON, PRN, AUX, NUL, COM0-9, LPT0-9 (with the superscript digits Windows also reserves), CONIN$, CONOUT$. */
const reservedStem = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export interface FileNameParts {
  /** What the name says: a title, free text. */
  stem: string;
  /** Kept whole after the stem, e.g. ` (12)`: what tells two equal titles apart. */
  suffix?: string;
  /** E.g. `.md`. */
  extension: string;
  /** Used when the stem has nothing usable left. */
  fallback?: string;
  maxBytes?: number;
}

/**
 * `stem + suffix + extension`, made safe: forbidden characters swapped for full-width ones,
 * controls and runs of white space made one space, no leading or trailing dots or spaces,
 * Windows device names defused, and the stem cut (with `…`) at a whole character so the
 * UTF-8 name fits maxBytes.
 */
export function safeFileName(parts: FileNameParts): string {
  const maxBytes = parts.maxBytes ?? maxFileNameBytes;
  const tail = cleanPiece(parts.suffix ?? '') + parts.extension;
  let stem = cleanStem(parts.stem);
  if (stem === '') stem = cleanStem(parts.fallback ?? 'untitled');
  const budget = maxBytes - utf8Length(tail);
  if (budget < 4) throw new RangeError(`"${tail}" leaves no room for a name within ${maxBytes} bytes`);
  if (utf8Length(stem) > budget) stem = trimEnd(cutToBytes(stem, budget - utf8Length('…'))) + '…';
  const name = stem + tail;
  // Windows reserves the device name before the first dot whatever follows (CON.md, con .txt).
  return reservedStem.test(name.split('.')[0]?.trimEnd() ?? '') ? `_${name}` : name;
}

function cleanPiece(text: string): string {
  return text
    .normalize('NFC')
    .replace(invisibleFormat, '')
    .replace(controls, ' ')
    .replace(forbidden, (c) => replacements[c] ?? '_')
    .replace(markdownActive, (c) => markdownTwins[c] ?? c);
}

/**
 * An exported name is also an Obsidian link's text (`[[name]]`), which other Markdown readers
 * read as Markdown: a backtick would start code, a tilde strikethrough, a `_` not between
 * letters or digits emphasis, and `&amp;` would read as `&`. They get full-width twins too.
 */
const markdownActive = /[`~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?=#?[A-Za-z0-9]+;)/gu;
const markdownTwins: Readonly<Record<string, string>> = { '`': '｀', '~': '～', _: '＿', '&': '＆' };

function cleanStem(text: string): string {
  return trimEnd(
    cleanPiece(text)
      .replace(/\s+/g, ' ')
      // A leading dot hides the file on macOS and Linux, and Obsidian skips it.
      .replace(/^[\s.\u200c\u200d]+/, ''),
  );
}

/** Windows drops trailing dots and spaces, so two names could meet; they go here. */
function trimEnd(text: string): string {
  return text.replace(/[\s.\u200c\u200d]+$/, '');
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of whole characters (grapheme clusters, so never half a surrogate pair or emoji) within maxBytes. */
function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}
