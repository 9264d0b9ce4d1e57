import { inlineBreaks } from './cleaning/inlineBreaks';
import { maxParagraphLength } from './importLimits';
import { endsSentence, isBlank } from './textPatterns';

/** One paragraph as it stands in the input: `raw` is `input.slice(start, start + raw.length)`. */
export interface ParagraphSpan {
  raw: string;
  start: number;
  /** Blank lines between this paragraph and the one before (or the top of the file). */
  blankLinesBefore: number;
  blankLinesAfter: number;
}

interface Line {
  start: number;
  end: number; // before the line terminator
  text: string;
}

/**
 * Lines to paragraphs. Every non-blank line is a paragraph of its own, because scraped Chinese
 * news puts one paragraph on a line, with or without blank lines between. Lines are joined
 * only when the file is hard-wrapped (most long lines stop at the same width, mid-sentence).
 * Outside Markdown, a long line that holds several paragraphs (a run of spaces or one space after
 * a sentence where the break was, a caption run on after the story) is split (inlineBreaks).
 * Nothing is dropped: the input is these spans plus line breaks and whitespace between them.
 */
export function splitParagraphs(input: string, format: 'txt' | 'md' | 'paste'): ParagraphSpan[] {
  const lines = toLines(input);
  const wrapWidth = detectWrapWidth(lines);
  const spans: ParagraphSpan[] = [];
  let open: { first: Line; last: Line; blankBefore: number } | null = null;
  let blanks = 0;
  const close = (): void => {
    if (!open) return;
    const pieces =
      format !== 'md' && open.first === open.last
        ? inlineBreaks(open.first.text).map((p) => ({
            start: open!.first.start + p.from,
            end: open!.first.start + p.to,
          }))
        : [{ start: open.first.start, end: open.last.end }];
    let first = true;
    for (const piece of pieces) {
      const cuts = cutPoints(input, piece.start, piece.end);
      cuts.forEach((end, i) => {
        const from = i === 0 ? piece.start : cuts[i - 1]!;
        spans.push({
          raw: input.slice(from, end),
          start: from,
          blankLinesBefore: first ? open!.blankBefore : 0,
          blankLinesAfter: 0,
        });
        first = false;
      });
    }
    open = null;
  };
  for (const line of lines) {
    if (isBlank(line.text)) {
      close();
      blanks++;
      continue;
    }
    if (open && blanks === 0 && continues(open.last.text, line.text, wrapWidth, format)) {
      open.last = line;
      continue;
    }
    close();
    const previous = spans.at(-1);
    if (previous) previous.blankLinesAfter = blanks;
    open = { first: line, last: line, blankBefore: blanks };
    blanks = 0;
  }
  close();
  const lastSpan = spans.at(-1);
  if (lastSpan) lastSpan.blankLinesAfter = blanks;
  return spans;
}

/** Sentence ends a long paragraph is preferably cut after (the cut keeps any closing quote with it). */
const cutAfter = /[。!?!?;;…]['"”’」』)）]*/gu;

/**
 * Where the paragraph `input[start, end)` ends, cut into pieces of at most maxParagraphLength:
 * after the last sentence end in the second half of each window, else after its last line
 * break, else at the window's end (never inside a surrogate pair). The pieces are contiguous,
 * so the raw text still accounts for every character.
 */
function cutPoints(input: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  let from = start;
  while (end - from > maxParagraphLength) {
    const windowEnd = from + maxParagraphLength;
    const window = input.slice(from + maxParagraphLength / 2, windowEnd);
    let cut = -1;
    for (const m of window.matchAll(cutAfter)) cut = m.index + m[0].length;
    if (cut < 0) {
      const lineBreak = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
      cut = lineBreak >= 0 ? lineBreak + 1 : window.length;
    }
    let at = from + maxParagraphLength / 2 + cut;
    const before = input.charCodeAt(at - 1);
    if (before >= 0xd800 && before <= 0xdbff) at--; // never between the halves of a pair
    if (input.charAt(at - 1) === '\r' && input.charAt(at) === '\n') at++;
    // Only whitespace after the cut would be a paragraph with no text: it stays with this one.
    if (isBlank(input.slice(at, end))) break;
    cuts.push(at);
    from = at;
  }
  cuts.push(end);
  return cuts;
}

function toLines(input: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n|\u2028|\u2029/g;
  let start = 0;
  for (const m of input.matchAll(breaks)) {
    lines.push({ start, end: m.index, text: input.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: input.length, text: input.slice(start) });
  return lines;
}

const blockStart = /^\s*(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,3}[.)]\s|>)/u;

function continues(previous: string, next: string, wrapWidth: number | null, format: string): boolean {
  if (wrapWidth === null) return false;
  if (format === 'md' && (blockStart.test(previous) || blockStart.test(next))) return false;
  if (endsSentence(previous)) return false;
  return displayWidth(previous.trimEnd()) >= wrapWidth - 4;
}

/** Columns on a terminal: ideographs and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  // Indexed by code point: iterating the string would make a string per character.
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    width +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/**
 * The width a hard-wrapped file was wrapped at, or null when it is not wrapped: at least half
 * of the non-blank lines (and three or more) end within a few columns of the same width.
 */
export function detectWrapWidth(lines: readonly { text: string }[]): number | null {
  const widths = lines.filter((l) => !isBlank(l.text)).map((l) => displayWidth(l.text.trimEnd()));
  if (widths.length < 4) return null;
  const sorted = Float64Array.from(widths).sort(); // numeric order, without a comparator call per comparison
  const top = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (top < 20) return null;
  const near = widths.filter((w) => w >= top - 4 && w <= top).length;
  return near >= 3 && near >= widths.length / 2 ? top : null;
}
