/**
 * When a Markdown file is read line by line (markdownLines) instead of by the Markdown parser:
 * when the parser would take too long or recurse too deep. micromark reads about a megabyte a
 * second (a 5 MB file took 25 s on a busy machine, and a 20 MB one would run out the parse
 * budget); it pairs emphasis and brackets within a paragraph in quadratic time (50,000 `*`
 * took over two minutes, 30,000 `[` a minute); and 20,000 nested `>` overflowed the stack. Real
 * clips and articles are far from all three.
 */
export function needsLineReading(input: string): boolean {
  return input.length > maxParsedLength || tooComplex(input);
}

const maxParsedLength = 2_000_000;
/** Emphasis, link, HTML and code marks in one paragraph: a long article has a few hundred. */
const maxMarksPerParagraph = 2_000;
/** Container marks and indentation in front of a line's text: real nesting is a few levels. */
const maxLinePrefix = 200;

function tooComplex(input: string): boolean {
  let marks = 0;
  let lineStart = true;
  let prefix = 0;
  let blankSoFar = true; // the current line holds only whitespace so far
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      if (blankSoFar) marks = 0; // a blank line ends the paragraph
      lineStart = true;
      blankSoFar = true;
      prefix = 0;
      continue;
    }
    const space = code === 0x20 || code === 0x09;
    if (!space) blankSoFar = false;
    if (lineStart) {
      // `>`, list bullets (a mark and a space) and indentation before the text.
      const next = input.charCodeAt(i + 1);
      const bullet = (code === 0x2d || code === 0x2a || code === 0x2b) && (next === 0x20 || next === 0x09);
      if (space || code === 0x3e || bullet) {
        if (++prefix > maxLinePrefix) return true;
      } else lineStart = false;
    }
    // * _ [ ] < ` ~
    if (code === 0x2a || code === 0x5f || code === 0x5b || code === 0x5d || code === 0x3c || code === 0x60 || code === 0x7e) {
      if (++marks > maxMarksPerParagraph) return true;
    }
  }
  return false;
}
