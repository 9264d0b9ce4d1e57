/**
 * Word segmentation over the dictionary (issue #17 item 5): the one notion of a word that
 * frequency lists and keyword-in-context views use. Longest match both ways, as the classic
 * bidirectional maximum matching does: forward (Zhongwen's way, the pop-up's) and backward, then
 * the reading with fewer words, then fewer characters left alone, then the backward one, which is
 * right more often in Chinese (这支队伍: forward reads 这|支队|伍, backward 这|支|队伍). Words come
 * from the dictionary and the person's own word list; a Han character no word covers stands alone;
 * Latin letters and digits run together; spaces and punctuation separate. DESIGN §10: Intl.Segmenter
 * splits 深圳市南山区 as 深圳|市南|山区.
 */

/** What segmentation needs of a dictionary: every word length at an offset, longest first ([] when none). */
export interface WordLengths {
  lengthsAt(text: string, offset: number): readonly number[];
}

/**
 * word: a dictionary or own-list word; single: a Han character no word covers; other: a run of
 * letters or digits no word covers; separator: spaces and punctuation.
 */
export type WordSegmentKind = 'word' | 'single' | 'other' | 'separator';

/** A piece of the text, [start, end) in UTF-16 units; the pieces cover the text, in order. */
export interface WordSegment {
  start: number;
  end: number;
  text: string;
  kind: WordSegmentKind;
}

const han = /\p{Script=Han}/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

function characterAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Each place's word lengths (dictionary and own words), with what a word may not do to a Latin
 * run; and, inside each run of letters or digits, where that run ends (-1 elsewhere).
 */
function wordTable(
  text: string,
  dictionary: WordLengths,
  ownWords: Iterable<string>,
): { table: Array<Set<number>>; runEnd: Int32Array } {
  const runEnd = new Int32Array(text.length + 1).fill(-1); // inside a Latin run: where it ends
  for (let i = 0; i < text.length; ) {
    const c = characterAt(text, i);
    if (!han.test(c) && letterOrDigit.test(c)) {
      let end = i;
      while (end < text.length && !han.test(characterAt(text, end)) && letterOrDigit.test(characterAt(text, end))) {
        end += characterAt(text, end).length;
      }
      for (let k = i; k < end; k++) runEnd[k] = end;
      i = end;
    } else {
      i += c.length || 1;
    }
  }
  const insideRun = (at: number) => at > 0 && runEnd[at - 1] !== -1 && runEnd[at - 1] === runEnd[at];
  // Own words by their first code unit: each place tries only the words that can start there.
  const own = new Map<string, string[]>();
  for (const word of new Set([...ownWords].map((w) => w.trim()).filter((w) => w !== ''))) {
    const first = word[0]!;
    const list = own.get(first);
    if (list) list.push(word);
    else own.set(first, [word]);
  }
  const table: Array<Set<number>> = [];
  for (let i = 0; i < text.length; i++) {
    const lengths = new Set<number>();
    // No word starts or ends inside a run of letters or digits (3C is no word of 3Com); one may cover it (110, T恤).
    if (!insideRun(i) && !isLowSurrogate(text.charCodeAt(i))) {
      for (const length of dictionary.lengthsAt(text, i)) lengths.add(length);
      for (const word of own.get(text[i]!) ?? []) if (text.startsWith(word, i)) lengths.add(word.length);
      for (const length of lengths) if (insideRun(i + length)) lengths.delete(length);
    }
    table.push(lengths);
  }
  return { table, runEnd };
}

/** The piece no word covers at `at`: a Latin run, a Han character, or a separator character. */
function unitAt(text: string, at: number, runEnd: Int32Array): [number, WordSegmentKind] {
  const c = characterAt(text, at);
  if (han.test(c)) return [c.length, 'single'];
  if (letterOrDigit.test(c)) return [runEnd[at]! - at, 'other'];
  return [c.length || 1, 'separator'];
}

export function segmentWords(text: string, dictionary: WordLengths, ownWords: Iterable<string> = []): WordSegment[] {
  const { table, runEnd } = wordTable(text, dictionary, ownWords);
  const forward: WordSegment[] = [];
  for (let i = 0; i < text.length; ) {
    const longest = Math.max(0, ...table[i]!);
    const [length, kind] = longest > 0 ? [longest, 'word' as const] : unitAt(text, i, runEnd);
    forward.push({ start: i, end: i + length, text: text.slice(i, i + length), kind });
    i += length;
  }
  const longestWord = table.reduce((n, lengths) => Math.max(n, ...lengths), 0);
  const backward: WordSegment[] = [];
  for (let j = text.length; j > 0; ) {
    let start = -1;
    for (let i = Math.max(0, j - longestWord); i < j; i++) {
      if (table[i]!.has(j - i)) {
        start = i;
        break;
      }
    }
    if (start >= 0) {
      backward.push({ start, end: j, text: text.slice(start, j), kind: 'word' });
      j = start;
      continue;
    }
    const from = unitEndingAt(text, j);
    const [, kind] = unitAt(text, from, runEnd);
    backward.push({ start: from, end: j, text: text.slice(from, j), kind });
    j = from;
  }
  backward.reverse();
  return mergeSeparators(better(forward, backward));
}

/** Fewer words, then fewer characters standing alone; backward on a tie. */
function better(forward: WordSegment[], backward: WordSegment[]): WordSegment[] {
  const count = (s: WordSegment[]) => s.filter((x) => x.kind !== 'separator').length;
  const singles = (s: WordSegment[]) => s.filter((x) => x.kind === 'single' || (x.kind === 'word' && x.end - x.start === 1)).length;
  if (count(forward) !== count(backward)) return count(forward) < count(backward) ? forward : backward;
  return singles(forward) < singles(backward) ? forward : backward;
}

/** Where the piece no word covers that ends at `end` starts: a Latin run's start, else one character back. */
function unitEndingAt(text: string, end: number): number {
  const back = (at: number) => (at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) ? at - 2 : at - 1);
  let start = back(end);
  const c = characterAt(text, start);
  if (han.test(c) || !letterOrDigit.test(c)) return start;
  while (start > 0) {
    const before = back(start);
    const b = characterAt(text, before);
    if (han.test(b) || !letterOrDigit.test(b)) break;
    start = before;
  }
  return start;
}

function mergeSeparators(segments: WordSegment[]): WordSegment[] {
  const merged: WordSegment[] = [];
  for (const s of segments) {
    const last = merged.at(-1);
    if (last && last.kind === 'separator' && s.kind === 'separator') {
      last.end = s.end;
      last.text += s.text;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The words of a text, in order (separators left out): what a frequency list counts. */
export function wordsOf(text: string, dictionary: WordLengths, ownWords: Iterable<string> = []): string[] {
  return segmentWords(text, dictionary, ownWords)
    .filter((s) => s.kind !== 'separator')
    .map((s) => s.text);
}
