import type { Removal } from '../../../preload/contract/articleTypes';
import { makeRemoval } from './removals';
import { isHan, isSpaceCode } from './textPatterns';

const latin = /[\p{L}\p{N}]/u;
const lineBreak = /[\r\n\u2028\u2029]/u;

/**
 * Layout whitespace of one paragraph: the leading indentation (full-width spaces in Chinese
 * typesetting), trailing spaces, and the line breaks of a hard-wrapped paragraph. Spaces inside
 * a line are words' business (名字 间隔, English) and stay.
 */
export function whitespaceRemovals(raw: string): Removal[] {
  const removals: Removal[] = [];
  const lead = /^\s+/u.exec(raw);
  if (lead) removals.push(makeRemoval(raw, 0, lead[0].length, 'indentation'));
  // Most paragraphs are one line: skip the search (and its iterator) when there is no break.
  const breaks = lineBreak.test(raw) ? raw.matchAll(/[^\S\r\n]*(?:\r\n|\r|\n|\u2028|\u2029)\s*/gu) : [];
  for (const m of breaks) {
    const before = raw[m.index - 1];
    const after = raw[m.index + m[0].length];
    // Between two Latin words the break stands for a space: keep it rather than glue the words.
    if (
      before !== undefined &&
      after !== undefined &&
      latin.test(before) &&
      latin.test(after) &&
      !isHan(before) &&
      !isHan(after)
    ) {
      continue;
    }
    removals.push(makeRemoval(raw, m.index, m.index + m[0].length, 'whitespace'));
  }
  const start = trailingSpaceStart(raw);
  if (start < raw.length && start > (lead?.[0].length ?? 0)) {
    if (!removals.some((r) => r.end > start)) removals.push(makeRemoval(raw, start, raw.length, 'whitespace'));
  }
  return removals;
}

/** Where the whitespace at the end of the text starts. A backward scan: /\s+$/ would try every position. */
function trailingSpaceStart(text: string): number {
  let start = text.length;
  while (start > 0 && isSpaceCode(text.charCodeAt(start - 1))) start--;
  return start;
}
