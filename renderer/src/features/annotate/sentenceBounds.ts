/**
 * Sentence and clause ends in a paragraph's display text, for extending a keyboard selection a
 * sentence at a time. A sentence ends after 。！？；… (and their ASCII forms), together with
 * the closing quotes and brackets that follow them (`。”`, `？」`) and the space after.
 */
const terminal = /[。！？；…!?;.｡]/u;
const closing = /[”’」』）)】〕》〉"'\]]/u;
const space = /\s/u;

/** Every sentence end of `text`, ascending; the text's end is always one. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!terminal.test(text[i] ?? '')) {
      i++;
      continue;
    }
    // A run of terminals (……, ？！) ends one sentence, after its closers and spaces.
    let end = i + 1;
    while (end < text.length && terminal.test(text[end] ?? '')) end++;
    // An ASCII full stop inside a number or a word (3.14, e.g.) ends nothing.
    if (text[i] === '.' && end === i + 1 && end < text.length && !space.test(text[end] ?? '') && !closing.test(text[end] ?? '')) {
      i = end;
      continue;
    }
    while (end < text.length && closing.test(text[end] ?? '')) end++;
    while (end < text.length && space.test(text[end] ?? '')) end++;
    ends.push(end);
    i = end;
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** The first sentence end after `offset`, or null at the end of the text. */
export function nextSentenceEnd(text: string, offset: number): number | null {
  return sentenceEnds(text).find((end) => end > offset) ?? null;
}

/** The last sentence boundary (0 or a sentence end) before `offset`, or null at the start of the text. */
export function previousSentenceEnd(text: string, offset: number): number | null {
  if (offset <= 0) return null;
  const before = [0, ...sentenceEnds(text)].filter((end) => end < offset);
  return before.at(-1) ?? 0;
}
