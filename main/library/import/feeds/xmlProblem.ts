/**
 * Whether XML text is well formed in its structure: every element closed in order, one root,
 * comments, CDATA sections, processing instructions and the DOCTYPE ended. linkedom's XML
 * parser repairs whatever it is given (a feed cut off mid-item still "parses"), so a feed is
 * checked here first and a broken one is refused with where it breaks, not half imported.
 * One pass, no recursion: a hostile file costs time linear in its length, and one nested too
 * deep for the parser is refused here.
 */

/**
 * Feeds nest a few levels (an Atom entry's XHTML content a few dozen); linkedom's XML parser
 * took 21 s on 100,000 nested elements, so deeper than this is refused as not a feed.
 */
export const maxXmlDepth = 1000;

const namePattern = /[A-Za-z_:\u00c0-\uffff][-\w.:\u00b7\u00c0-\uffff]*/uy;

/** Null when well formed; else what is wrong and on which line. */
export function xmlProblem(text: string): string | null {
  const lineAt = (index: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  const skipTo = (end: string, from: number, what: string): number | string => {
    const at = text.indexOf(end, from);
    return at === -1 ? `${what} that starts on line ${lineAt(i)} is never closed` : at + end.length;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? text.length : lt;
    if (open.length === 0 && text.slice(i, textEnd).trim() !== '') {
      return `there is text outside the root element on line ${lineAt(i)}`;
    }
    if (lt === -1) break;
    i = lt;
    let next: number | string;
    if (text.startsWith('<!--', i)) next = skipTo('-->', i + 4, 'a comment');
    else if (text.startsWith('<![CDATA[', i)) next = skipTo(']]>', i + 9, 'a CDATA section');
    else if (text.startsWith('<?', i)) next = skipTo('?>', i + 2, 'a processing instruction');
    else if (text.startsWith('<!', i)) {
      // <!DOCTYPE …> with an optional internal subset in [ ].
      const close = text.indexOf('>', i);
      const bracket = text.indexOf('[', i);
      next =
        bracket !== -1 && (close === -1 || bracket < close)
          ? skipTo(']', bracket, 'a DOCTYPE')
          : skipTo('>', i + 2, 'a DOCTYPE');
      if (typeof next === 'number' && bracket !== -1 && bracket < next) next = skipTo('>', next, 'a DOCTYPE');
    } else {
      const closing = text[i + 1] === '/';
      namePattern.lastIndex = i + (closing ? 2 : 1);
      const name = namePattern.exec(text)?.[0];
      if (!name) return `a "<" on line ${lineAt(i)} starts no tag`;
      const end = tagEnd(text, namePattern.lastIndex);
      if (end === -1) return `the <${closing ? '/' : ''}${name}> tag on line ${lineAt(i)} is never closed`;
      if (closing) {
        const expected = open.pop();
        if (expected !== name) {
          return expected === undefined
            ? `</${name}> on line ${lineAt(i)} closes an element that was never opened`
            : `</${name}> on line ${lineAt(i)} closes <${expected}>, which is still open`;
        }
      } else if (text[end - 2] !== '/') {
        if (open.length === 0 && ++roots > 1) return `a second root element <${name}> starts on line ${lineAt(i)}`;
        if (open.length >= maxXmlDepth) return `its elements nest more than ${maxXmlDepth} deep (line ${lineAt(i)})`;
        open.push(name);
      } else if (open.length === 0 && ++roots > 1) {
        return `a second root element <${name}> starts on line ${lineAt(i)}`;
      }
      next = end;
    }
    if (typeof next === 'string') return next;
    i = next;
  }
  if (open.length > 0) return `it ends before <${open[open.length - 1]}> is closed`;
  if (roots === 0) return 'it holds no element';
  return null;
}

/** The index just past the `>` ending a tag whose attributes start at `from` (quoted values may hold `>`), or -1. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
    else if (c === '<') return -1;
  }
  return -1;
}
