import { sentenceEnds } from '../annotate/sentenceBounds';

/**
 * The sentence of `text` that holds [start, end): bounded by Chinese sentence punctuation
 * (。！？；… with the closing quotes after them, as sentenceBounds reads it), without the white
 * space around it; `offset` is where `start` falls in it.
 */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; offset: number } {
  const ends = sentenceEnds(text);
  const from = [0, ...ends].filter((e) => e <= start).at(-1) ?? 0;
  const to = ends.find((e) => e >= end && e > from) ?? text.length;
  let a = from;
  let b = to;
  while (a < start && /\s/u.test(text[a] ?? '')) a++;
  while (b > end && /\s/u.test(text[b - 1] ?? '')) b--;
  return { sentence: text.slice(a, b), offset: start - a };
}
