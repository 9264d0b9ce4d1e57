import type { FrequencyUnit } from '../../../preload/contract/analysisTypes';
import type { WordLengths } from '../../../preload/common/segmentWords';
import type { AnalysisParagraph } from './analysisSubset';
import { characterNgrams, countedWords } from './paragraphWords';

/** How far a long count has got: paragraphs read of all. */
export type AnalysisProgress = (done: number, total: number) => void;

/**
 * Each paragraph's words, segmented once per process and kept while its checksum holds (an edit,
 * a re-clean or a reclassification changes it): segmentation is most of a frequency list's cost,
 * so a second list (another tag, another limit) reads the cache. Words are kept as numbers
 * (one table of the words seen), four bytes each, not as strings.
 */
export interface WordCache {
  /** The interned items: id -> folded text. */
  readonly names: string[];
  idOf: (item: string) => number;
  wordsOf(paragraph: AnalysisParagraph): Uint32Array;
}

export function createWordCache(lengths: () => WordLengths, ownWords: () => readonly string[]): WordCache {
  const names: string[] = [];
  const ids = new Map<string, number>();
  let byParagraph = new Map<number, { checksum: string; words: Uint32Array }>();
  let ownKey = '';
  const idOf = (item: string) => {
    let id = ids.get(item);
    if (id === undefined) {
      id = names.length;
      names.push(item);
      ids.set(item, id);
    }
    return id;
  };
  return {
    names,
    idOf,
    wordsOf(paragraph) {
      const own = ownWords();
      const key = own.join('\n');
      // A changed own-word list segments differently: every paragraph again.
      if (key !== ownKey) {
        byParagraph = new Map();
        ownKey = key;
      }
      const cached = byParagraph.get(paragraph.id);
      if (cached?.checksum === paragraph.checksum) return cached.words;
      const words = Uint32Array.from(countedWords(paragraph.text, lengths(), own), idOf);
      byParagraph.set(paragraph.id, { checksum: paragraph.checksum, words });
      return words;
    },
  };
}

/** Occurrences and articles of each item id, stop words left out. */
export interface Tally {
  occurrences: Map<number, number>;
  articles: Map<number, number>;
  total: number;
  articleCount: number;
  paragraphCount: number;
}

/** Time on the calling thread between yields: the app's main process stays responsive and sends progress. */
const sliceMs = 30;

export async function countItems(
  paragraphs: readonly AnalysisParagraph[],
  unit: FrequencyUnit,
  cache: WordCache,
  stopIds: ReadonlySet<number>,
  onProgress?: AnalysisProgress,
): Promise<Tally> {
  const occurrences = new Map<number, number>();
  const articles = new Map<number, number>();
  const lastArticle = new Map<number, number>();
  const articleIds = new Set<number>();
  let total = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    articleIds.add(p.article_id);
    const items = unit === 'words' ? cache.wordsOf(p) : characterNgrams(p.text, unit).map(cache.idOf);
    for (const id of items) {
      if (stopIds.has(id)) continue;
      total++;
      occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
      if (lastArticle.get(id) !== p.article_id) {
        lastArticle.set(id, p.article_id);
        articles.set(id, (articles.get(id) ?? 0) + 1);
      }
    }
    if (performance.now() - sliceStart > sliceMs) {
      onProgress?.(i + 1, paragraphs.length);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  onProgress?.(paragraphs.length, paragraphs.length);
  return { occurrences, articles, total, articleCount: articleIds.size, paragraphCount: paragraphs.length };
}
