import type { FrequencyUnit } from '../../../preload/contract/analysisTypes';
import type { WordLengths } from '../../../preload/common/segmentWords';
import type { AnalysisParagraph } from './analysisSubset';
import { characterNgrams, countedWords } from './paragraphWords';

/** How far a long count has got: paragraphs read of all. */
export type AnalysisProgress = (done: number, total: number) => void;

/**
 * Each paragraph's words (or n-grams), found once per process and kept while its checksum holds
 * (an edit, a re-clean or a reclassification changes it): segmentation is most of a frequency
 * list's cost, so a second list (another tag, another limit) reads the cache. Items are kept as
 * numbers (one table of the items seen), four bytes each, not as strings.
 */
export interface WordCache {
  /** The interned items: id -> folded text. */
  readonly names: string[];
  idOf: (item: string) => number;
  /** A paragraph's words or n-grams; `ownWords` read once per count, not per paragraph. */
  itemsOf(paragraph: AnalysisParagraph, unit: FrequencyUnit, ownWords: readonly string[]): Uint32Array;
}

export function createWordCache(lengths: () => WordLengths): WordCache {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const byUnit = new Map<FrequencyUnit, Map<number, { checksum: string; items: Uint32Array }>>();
  let ownKey = '';
  // The list a count passes with every paragraph: joined and compared once per count, not per paragraph.
  let ownList: readonly string[] | undefined;
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
    itemsOf(paragraph, unit, own) {
      if (unit === 'words' && own !== ownList) {
        ownList = own;
        const key = own.join('\n');
        // A changed own-word list segments differently: every paragraph again.
        if (key !== ownKey) {
          byUnit.delete('words');
          ownKey = key;
        }
      }
      let byParagraph = byUnit.get(unit);
      if (!byParagraph) {
        byParagraph = new Map();
        byUnit.set(unit, byParagraph);
      }
      const cached = byParagraph.get(paragraph.id);
      if (cached?.checksum === paragraph.checksum) return cached.items;
      const found = unit === 'words' ? countedWords(paragraph.text, lengths(), own) : characterNgrams(paragraph.text, unit);
      const items = Uint32Array.from(found, idOf);
      byParagraph.set(paragraph.id, { checksum: paragraph.checksum, items });
      return items;
    },
  };
}

/** Occurrences and articles of each item id (indexed by id; 0 for an item not counted), stop words left out. */
export interface Tally {
  occurrences: Int32Array;
  articles: Int32Array;
  /** The ids counted at least once. */
  counted: number[];
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
  ownWords: readonly string[],
  onProgress?: AnalysisProgress,
): Promise<Tally> {
  // Typed arrays by item id, grown as new items are interned: a Map per count was most of a second count's time.
  let occurrences = new Int32Array(Math.max(1024, cache.names.length * 2));
  let articles = new Int32Array(occurrences.length);
  let lastArticle = new Int32Array(occurrences.length).fill(-1);
  const counted: number[] = [];
  const articleIds = new Set<number>();
  let total = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    articleIds.add(p.article_id);
    const items = cache.itemsOf(p, unit, ownWords);
    if (cache.names.length > occurrences.length) {
      const size = cache.names.length * 2;
      occurrences = grown(occurrences, size, 0);
      articles = grown(articles, size, 0);
      lastArticle = grown(lastArticle, size, -1);
    }
    for (const id of items) {
      if (stopIds.has(id)) continue;
      total++;
      const seen = occurrences[id]!;
      occurrences[id] = seen + 1;
      if (seen === 0) counted.push(id);
      if (lastArticle[id] !== p.article_id) {
        lastArticle[id] = p.article_id;
        articles[id] = articles[id]! + 1;
      }
    }
    if (performance.now() - sliceStart > sliceMs) {
      onProgress?.(i + 1, paragraphs.length);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  onProgress?.(paragraphs.length, paragraphs.length);
  return { occurrences, articles, counted, total, articleCount: articleIds.size, paragraphCount: paragraphs.length };
}

function grown(array: Int32Array, size: number, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size).fill(fill);
  bigger.set(array);
  return bigger;
}
