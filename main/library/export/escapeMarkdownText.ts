/**
 * Article text as Markdown that reads back as exactly that text (DESIGN §5): nothing in an
 * article may become a heading, list, quote, link, emphasis, code, HTML, table, math,
 * highlight, Obsidian tag, comment or block id. Backslash escapes are CommonMark's own way
 * (any ASCII punctuation may be escaped) and Obsidian honours them.
 *
 * Bare web and e-mail addresses are the exception: GFM and Obsidian link them by looking at the
 * text as written, escapes included (a `\_` would show inside the link), so an address is
 * written as it is, over exactly the span GFM links: the link then shows the address the
 * article printed. Breaking it with invisible characters would corrupt quotations. (A character
 * we escape right after an address, with no space between, still ends up inside GFM's link.)
 */

export interface TextPlace {
  /** The text begins a line of the output (so `-`, `+`, `1.` and indentation would mean something). */
  lineStart: boolean;
  /** The text ends a line (so trailing spaces would make a hard break). */
  lineEnd: boolean;
}

/**
 * Escaped everywhere: CommonMark inline syntax (`\ ` * _ [ ] < >`), ATX headings and Obsidian
 * tags (`#`), GFM tables and strikethrough (`| ~`), Obsidian highlights, comments, math and
 * block ids (`= % $ ^`).
 */
const alwaysEscaped = /[\\`*_[\]<>#|~=%$^]/g;
/** `&amp;` and `&#20013;` would be read as the character they name. */
const entityLike = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/g;
/** At a line start: bullet markers, and the `.`/`)` of an ordered-list number. */
const bulletStart = /^[-+]/;
const orderedStart = /^([0-9]{1,9})([.)])/;
/**
 * What GFM links without brackets: `http(s)://` not after a letter, or `www.` at a word start,
 * up to white space or `<`; an e-mail address. Trailing punctuation is trimmed in bareSpan.
 */
const bareAddress =
  /(?<![A-Za-z])https?:\/\/[^\s<]+|(?<![^\s\p{P}\p{S}])www\.[^\s<]+|(?<![A-Za-z0-9._+\-/])[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/gu;
const trailingPunctuation = /[?!.,:;*_~"'\]]$/;
const trailingEntity = /&[A-Za-z0-9]+;$/;
const leadingBlank = /^[ \t]+/;
const trailingBlank = /[ \t]+$/;

const everyPlace: TextPlace = { lineStart: true, lineEnd: true };

/**
 * Escapes `text`, which may hold several lines (`\n`; `\r\n` and `\r` count as one). Leading
 * and trailing spaces and tabs of a line become character references: left bare, four of them
 * would start a code block and two at the end a hard line break.
 */
export function escapeMarkdownText(text: string, place: TextPlace = everyPlace): string {
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  return lines.map((line, i) => escapeLine(line, i > 0 || place.lineStart, i < last || place.lineEnd)).join('\n');
}

/**
 * A line with none of what escapeLine acts on (escaped characters, `&`, the start of an
 * address, blanks or list markers at its ends) comes back as it is: most lines of Chinese
 * text, which the export would otherwise run through every pattern.
 */
const mayNeedEscaping = /[\\`*_[\]<>#|~=%$^&@]|:\/\/|www\./;
const markerOrBlankFirst = /^[ \t+\-0-9]/;
const blankLast = /[ \t]$/;

function escapeLine(line: string, lineStart: boolean, lineEnd: boolean): string {
  if (
    !mayNeedEscaping.test(line) &&
    !(lineStart && markerOrBlankFirst.test(line)) &&
    !(lineEnd && blankLast.test(line))
  ) {
    return line;
  }
  let out = '';
  let at = 0;
  for (const match of line.matchAll(bareAddress)) {
    const span = bareSpan(match[0]);
    if (span === '') continue;
    out += escapeInline(line.slice(at, match.index)) + span;
    at = match.index + span.length;
  }
  out += escapeInline(line.slice(at));
  if (lineStart) {
    out = out.replace(leadingBlank, blankReferences).replace(bulletStart, '\\$&').replace(orderedStart, '$1\\$2');
  }
  if (lineEnd) out = out.replace(trailingBlank, blankReferences);
  return out;
}

function escapeInline(text: string): string {
  return text.replace(alwaysEscaped, '\\$&').replace(entityLike, '\\&');
}

/** The part of a matched address GFM links: trailing punctuation, an unmatched `)` and a final entity left out. */
function bareSpan(candidate: string): string {
  let span = candidate;
  for (;;) {
    if (trailingEntity.test(span)) span = span.replace(trailingEntity, '');
    else if (trailingPunctuation.test(span)) span = span.slice(0, -1);
    else if (span.endsWith(')') && count(span, '(') < count(span, ')')) span = span.slice(0, -1);
    else return span.includes('@') || span.includes('.') ? span : '';
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

function blankReferences(blank: string): string {
  return blank.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');
}
