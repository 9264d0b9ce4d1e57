import {
  maxCodedConcordanceLines,
  maxConcordanceContext,
  maxConcordanceWordLength,
  type AnalysisSubset,
  type Concordance,
  type ConcordanceLine,
  type ConcordanceSort,
  type ConcordanceSpan,
} from '../../../preload/contract/analysisTypes';
import type { AutocodeResult } from '../../../preload/contract/api';
import { highlightColors, type HighlightColor } from '../../../preload/contract/annotationTypes';
import { foldedFrom, foldToSimplified } from '../../../preload/common/foldScript';
import { shortQuote, type Journaled } from '../annotations/journaled';
import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import { highlightSpans } from '../search/autocode';
import { parseQuery } from '../search/parseQuery';
import { searchIndexMatch } from '../search/searchQuery';
import type { Db } from '../store/openDatabase';
import { ensureTag } from '../store/tags';
import { subsetParagraphs } from './analysisSubset';

const concordanceSorts: readonly ConcordanceSort[] = ['text', 'left', 'right'];
const surrogate = /[\uD800-\uDFFF]/;

/**
 * The characters of a text that fold into one of the word's (its other scripts' forms), as a
 * test; null when the word is not its own fold (then every text is folded to be read).
 */
function otherFormsOf(word: string): RegExp | null | undefined {
  if (foldToSimplified(word) !== word) return null;
  const others = [...new Set([...word].flatMap((c) => foldedFrom(c)))];
  return others.length === 0 ? undefined : new RegExp(`[${others.join('')}]`, 'u');
}

/** Where `word` stands in the text itself, not folded. */
function rawOccurrences(text: string, word: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) found.push([at, at + word.length]);
  return found;
}

/**
 * Occurrences of `word` (folded) in the folded text, as ranges of the stored text. A text
 * without the word's other forms holds it exactly where its folded text does: no folding then
 * (a word with no other form, 警, is never folded for).
 */
function occurrences(text: string, word: string, others: RegExp | null | undefined): Array<[number, number]> {
  if (others === undefined || (others !== null && !others.test(text))) return rawOccurrences(text, word);
  const folded = foldToSimplified(text);
  if (!folded.includes(word)) return [];
  if (!surrogate.test(text) && !surrogate.test(folded)) {
    // All in the BMP both sides: one unit folds to one unit, so the offsets are the stored text's.
    return rawOccurrences(folded, word);
  }
  // Folding is character by character, but a few characters fold in or out of the BMP: map back.
  const textAt: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const piece = foldToSimplified(text.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) textAt.push(i);
    out += piece;
    i += width;
  }
  textAt.push(text.length);
  const found: Array<[number, number]> = [];
  for (let at = out.indexOf(word); at !== -1; at = out.indexOf(word, at + word.length)) {
    const end = at + word.length;
    // The end maps to where the character after the match starts.
    found.push([textAt[at]!, end < textAt.length ? textAt[end]! : text.length]);
  }
  return found;
}

/**
 * The paragraphs the search index says may hold a word of Han characters: the index holds the
 * folded text's characters and bigrams, so it finds every paragraph whose folded text holds the
 * word (and a few more, its regional forms), and a KWIC of a word reads those, not the library.
 * Undefined (read every paragraph) for a word with other characters: the index holds Latin as
 * whole words, not the substrings a KWIC finds.
 */
function candidateParagraphs(db: Db, word: string, includeHidden: boolean): number[] | undefined {
  if (!/^\p{Script=Han}+$/u.test(word)) return undefined;
  // Candidates suffice (the index by row has no positions: migration 0035): a KWIC finds the word in each text.
  const { match } = searchIndexMatch(db, parseQuery(word).clauses, { includeHidden, paragraphsOnly: true });
  const rowids = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck().all(match) as number[];
  // Paragraph text is row 2p (a note 2p + 1, a comment negative: migrations 0002 and 0008).
  return rowids.filter((r) => r >= 0 && r % 2 === 0).map((r) => r / 2);
}

/**
 * Keyword in context: every occurrence of `word` in a subset, in either script (both folded to
 * simplified), with `context` characters of stored text each side, in article and paragraph order.
 */
export function concordance(
  db: Db,
  word: string,
  subset: AnalysisSubset & { sort?: ConcordanceSort; limit?: number },
  context = 20,
): Concordance {
  const trimmed = word.trim();
  if (trimmed === '') throw new LibraryError('invalid-argument', 'Give a word to find in context.');
  if (trimmed.length > maxConcordanceWordLength) {
    throw new LibraryError('invalid-argument', `A word in context can be at most ${maxConcordanceWordLength} characters long.`);
  }
  if (!Number.isInteger(context) || context < 0 || context > maxConcordanceContext) {
    throw new LibraryError('invalid-argument', `Context is 0 to ${maxConcordanceContext} characters each side.`);
  }
  if (subset.limit !== undefined && (!Number.isInteger(subset.limit) || subset.limit < 1)) {
    throw new LibraryError('invalid-argument', 'A limit is a whole number, 1 or more.');
  }
  if (subset.sort !== undefined && !concordanceSorts.includes(subset.sort)) {
    throw new LibraryError('invalid-argument', `"${String(subset.sort)}" is not text, left or right.`);
  }
  const folded = foldToSimplified(trimmed);
  const titles = new Map<number, string>();
  const titleOf = (id: number) => {
    let title = titles.get(id);
    if (title === undefined) {
      title = (db.prepare('SELECT title FROM article WHERE id = ?').pluck().get(id) as string | undefined) ?? '';
      titles.set(id, title);
    }
    return title;
  };
  const lines: ConcordanceLine[] = [];
  const inTextOrder = subset.sort === undefined || subset.sort === 'text';
  // In text order only the first `limit` lines are shown: the rest are counted, not built.
  const wanted = inTextOrder && subset.limit !== undefined ? subset.limit : Number.POSITIVE_INFINITY;
  let total = 0;
  const others = otherFormsOf(folded);
  for (const p of subsetParagraphs(db, subset, false, candidateParagraphs(db, trimmed, subset.includeHidden === true))) {
    for (const [start, end] of occurrences(p.text, folded, others)) {
      if (total++ >= wanted) continue;
      lines.push({
        articleId: p.article_id,
        articleTitle: titleOf(p.article_id),
        paragraphId: p.id,
        ord: p.ord,
        start,
        end,
        left: p.text.slice(Math.max(0, start - context), start),
        match: p.text.slice(start, end),
        right: p.text.slice(end, end + context),
      });
    }
  }
  const sorted = inTextOrder ? lines : sortConcordance(lines, subset.sort!);
  return { word: trimmed, lines: subset.limit === undefined ? sorted : sorted.slice(0, subset.limit), total };
}

/**
 * Lines in text order, or by their left context read from the word outwards (the character
 * next to the word first, as concordancers sort left) or their right context, both folded, so
 * both scripts sort together. Ties keep text order.
 */
export function sortConcordance(lines: readonly ConcordanceLine[], by: ConcordanceSort): ConcordanceLine[] {
  const textOrder = (a: ConcordanceLine, b: ConcordanceLine) => a.articleId - b.articleId || a.ord - b.ord || a.start - b.start;
  if (by === 'text') return [...lines].sort(textOrder);
  const key = (line: ConcordanceLine) =>
    by === 'left' ? [...foldToSimplified(line.left)].reverse().join('') : foldToSimplified(line.right);
  const keys = new Map(lines.map((line) => [line, key(line)]));
  return [...lines].sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka < kb ? -1 : ka > kb ? 1 : textOrder(a, b);
  });
}

/**
 * Codes the chosen KWIC lines with a tag as one journaled operation (one undo step), through
 * auto-coding's highlighting: a line already highlighted exactly there gains the tag, others get
 * a new highlight; a line coded already is left as it is.
 */
export function codeConcordanceLines(
  db: Db,
  journaled: Journaled,
  spans: readonly ConcordanceSpan[],
  tag: string,
  color: HighlightColor = 'yellow',
): AutocodeResult {
  const name = normalizeTagName(tag);
  if (!(highlightColors as readonly string[]).includes(color)) {
    throw new LibraryError('invalid-argument', `"${color}" is not a highlight colour (${highlightColors.join(', ')}).`);
  }
  if (spans.length > maxCodedConcordanceLines) {
    throw new LibraryError('invalid-argument', `At most ${maxCodedConcordanceLines} lines can be coded at once; ${spans.length} were chosen.`);
  }
  const byParagraph = new Map<number, Array<{ start: number; end: number }>>();
  for (const { paragraphId, start, end } of spans) {
    const list = byParagraph.get(paragraphId) ?? [];
    list.push({ start, end });
    byParagraph.set(paragraphId, list);
  }
  const paragraphs = [...byParagraph.keys()].map((id) => {
    const row = db
      .prepare('SELECT p.id, p.article_id, p.text, a.trashed_at FROM paragraph p JOIN article a ON a.id = p.article_id WHERE p.id = ?')
      .get(id) as { id: number; article_id: number; text: string; trashed_at: string | null } | undefined;
    if (!row) throw new LibraryError('not-found', `There is no paragraph ${id} in the library. Nothing was coded.`);
    if (row.trashed_at !== null) throw new LibraryError('invalid-argument', 'A line is in an article in the trash; restore it first. Nothing was coded.');
    for (const { start, end } of byParagraph.get(id)!) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > row.text.length) {
        throw new LibraryError('invalid-argument', `[${start}, ${end}) is not a place in paragraph ${id}. Nothing was coded.`);
      }
    }
    return row;
  });
  const result: AutocodeResult = { paragraphs: 0, highlights: 0, articleIds: [] };
  if (spans.length === 0) return result;
  return journaled((rec, now) => {
    const tagId = ensureTag(rec, name, now);
    const articles = new Set<number>();
    for (const paragraph of paragraphs) {
      const ranges = [...byParagraph.get(paragraph.id)!].sort((a, b) => a.start - b.start);
      const coded = highlightSpans(rec, paragraph, ranges, tagId, color, now);
      if (coded === 0) continue;
      result.paragraphs++;
      result.highlights += coded;
      articles.add(paragraph.article_id);
    }
    result.articleIds = [...articles].sort((a, b) => a - b);
    const first = spans[0]!;
    const quote = shortQuote(paragraphs.find((p) => p.id === first.paragraphId)!.text.slice(first.start, first.end));
    return {
      value: result,
      op: 'analysis.code-kwic',
      description: `Tag ${result.highlights} lines of “${quote}” with “${name}”`,
    };
  });
}
