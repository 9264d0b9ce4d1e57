/**
 * Article text as Markdown that reads back as exactly that text (DESIGN §5): nothing in an
 * article may become a heading, list, quote, link, image, emphasis, code, HTML, table, math,
 * highlight, Obsidian tag, comment or block id. Backslash escapes are CommonMark's own way
 * (any ASCII punctuation may be escaped) and Obsidian honours them.
 *
 * Bare web and e-mail addresses need care: GFM links them by looking at the source as written,
 * so a `\_` escaped inside one would show in the link. Whether GFM links one at all depends on
 * the character before it in the output, which an escaper of one piece cannot know (after a
 * highlight's `==` it did not, and `![t](url)` written raw after the address became a remote
 * image: issue #12 item 11). So an address is written raw only when all of it, up to the next
 * white space, means nothing in Markdown whether linked or not; otherwise its first letter is
 * written as a character reference (`&#119;ww.`), which no parser starts a link at, and the
 * rest is escaped like any text. Readers that link addresses in the decoded text still do,
 * showing exactly the article's characters.
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
const namesCharacter = new RegExp(entityLike.source);
/** At a line start: bullet markers, and the `.`/`)` of an ordered-list number. */
const bulletStart = /^[-+]/;
const orderedStart = /^([0-9]{1,9})([.)])/;
/** Where GFM may start a bare link: `http(s)://`, `www.`, an e-mail address. */
const addressStart = /https?:\/\/|www\.|[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+\.[A-Za-z0-9_-]/giu;
/**
 * What may stand raw in an address: nothing escapeInline escapes, except `_` between letters or
 * digits (never emphasis there), a single `=` or `%` (Obsidian needs two), `#` and `^` (a tag and
 * a block id need white space before them) and `&` that names no character.
 */
const unsafeInAddress = /[\\`*[\]<>|~$]|==|%%|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;
/**
 * A GFM table delimiter row of one column (with `|` always escaped, no row has more) that the
 * rest leaves as it is: one starting `-` has that escaped, blanks become character references.
 */
const delimiterRow = /^:-+:?[ \t]*$/;
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
const mayNeedEscaping = /[\\`*_[\]<>#|~=%$^&@]|:\/\/|www\./i;
const markerOrBlankFirst = /^[ \t+\-0-9:]/;
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
  for (const match of line.matchAll(addressStart)) {
    if (match.index < at) continue;
    const run = /^[^ \t]*/.exec(line.slice(match.index))![0];
    const runEnd = match.index + run.length;
    // A run that reaches the end of this piece continues into whatever the caller writes next;
    // one before a line's last blanks runs on into their character references.
    const closed = lineEnd ? !trailingBlankAt(line, runEnd) : runEnd < line.length;
    out += escapeInline(line.slice(at, match.index));
    if (closed && !unsafeInAddress.test(run) && !namesCharacter.test(run)) {
      out += run;
      at = runEnd;
    } else {
      out += `&#${run.codePointAt(0)!};`;
      at = match.index + 1;
    }
  }
  out += escapeInline(line.slice(at));
  if (lineStart) {
    out = out.replace(leadingBlank, blankReferences).replace(bulletStart, '\\$&').replace(orderedStart, '$1\\$2');
  }
  if (lineEnd) out = out.replace(trailingBlank, blankReferences);
  // A whole line like `:-:` is a one-column GFM table's delimiter row, making the line above a table.
  if (lineStart && lineEnd && delimiterRow.test(line)) out = out.replace('-', '\\-');
  return out;
}

/** Whether all of `line` from `at` on is spaces and tabs (and there are some). */
function trailingBlankAt(line: string, at: number): boolean {
  return at < line.length && trailingBlank.test(line.slice(at)) && line.slice(at).trim() === '';
}

function escapeInline(text: string): string {
  return text.replace(alwaysEscaped, '\\$&').replace(entityLike, '\\&');
}

function blankReferences(blank: string): string {
  return blank.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');
}
