import { hash } from 'node:crypto';
import type { FrequencyUnit } from '../../../preload/contract/analysisTypes';
import type { WordLengths } from '../../../preload/common/segmentWords';
import type { CountedParagraph } from './analysisSubset';
import { characterNgrams, countedWords } from './paragraphWords';

/** How far a long count has got: paragraphs read of all. */
export type AnalysisProgress = (done: number, total: number) => void;

/**
 * Where a paragraph's words are kept between processes (segmentationStore.ts): rows of one
 * segmentation version (the dictionary and the own-word list), by paragraph checksum.
 */
export interface SegmentationStore {
  /** A paragraph's kept words (joined by spaces) by its checksum, for one version. */
  reader(version: string): (checksum: string) => string | undefined;
  write(version: string, rows: ReadonlyArray<{ checksum: string; words: string }>): void;
}

/**
 * Each paragraph's words (or n-grams), found once and kept by the paragraph's checksum (its
 * text, raw text, flags and kind: an edit, a re-clean or a reclassification changes it; two
 * paragraphs with the same text share one entry). Segmentation is most of a frequency list's
 * cost, so a second list (another tag, another limit) reads the cache, and words are kept in
 * the library too (`store`), so the first list of a later process reads them. Items are kept as
 * numbers (one table of the items seen), four bytes each, not as strings.
 */
export interface WordCache {
  /** The interned items: id -> folded text. */
  readonly names: string[];
  idOf: (item: string) => number;
  /** A paragraph's words or n-grams; `ownWords` read once per count, not per paragraph. */
  itemsOf(paragraph: CountedParagraph & { text?: string }, unit: FrequencyUnit, ownWords: readonly string[], textOf: (id: number) => string): Uint32Array;
  /** Writes the words segmented since the last call to the store (one transaction). */
  flush(): void;
}

export function createWordCache(lengths: () => WordLengths, store?: SegmentationStore, dictionaryVersion = () => ''): WordCache {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const byUnit = new Map<FrequencyUnit, Map<string, Uint32Array>>();
  let ownKey = '';
  // The list a count passes with every paragraph: joined and compared once per count, not per paragraph.
  let ownList: readonly string[] | undefined;
  let version: string | undefined;
  let kept: ((checksum: string) => string | undefined) | undefined;
  let pending: Array<{ checksum: string; words: string }> = [];
  const idOf = (item: string) => {
    let id = ids.get(item);
    if (id === undefined) {
      id = names.length;
      names.push(item);
      ids.set(item, id);
    }
    return id;
  };
  const flush = () => {
    if (store && version !== undefined && pending.length > 0) store.write(version, pending);
    pending = [];
  };
  /**
   * The words kept in the library for this version, each paragraph's read on its first miss
   * (then cached): a list of one article reads its own rows, not the whole library's.
   */
  const openKept = () => {
    version = segmentationVersion(dictionaryVersion(), ownKey);
    kept = store?.reader(version);
  };
  return {
    names,
    idOf,
    flush,
    itemsOf(paragraph, unit, own, textOf) {
      if (unit === 'words' && own !== ownList) {
        ownList = own;
        const key = own.join('\n');
        // A changed own-word list segments differently: every paragraph again.
        if (key !== ownKey) {
          flush();
          byUnit.delete('words');
          ownKey = key;
        }
      }
      let byParagraph = byUnit.get(unit);
      if (!byParagraph) {
        byParagraph = new Map();
        byUnit.set(unit, byParagraph);
        if (unit === 'words') openKept();
      }
      const cached = byParagraph.get(paragraph.checksum);
      if (cached) return cached;
      const keptWords = unit === 'words' ? kept?.(paragraph.checksum) : undefined;
      if (keptWords !== undefined) {
        const items = keptWords === '' ? empty : Uint32Array.from(keptWords.split(' '), idOf);
        byParagraph.set(paragraph.checksum, items);
        return items;
      }
      const text = paragraph.text ?? textOf(paragraph.id);
      const found = unit === 'words' ? countedWords(text, lengths(), own) : characterNgrams(text, unit);
      const items = Uint32Array.from(found, idOf);
      byParagraph.set(paragraph.checksum, items);
      // Kept words are joined by spaces: a paragraph with an own word that holds one (苹果 手机) is not kept.
      if (unit === 'words' && !(own.length > 0 && found.some((w) => w.includes(' ')))) {
        pending.push({ checksum: paragraph.checksum, words: found.join(' ') });
      }
      return items;
    },
  };
}

const empty = new Uint32Array(0);

/**
 * What a kept segmentation depends on: this code's way of segmenting (raise the revision when
 * it changes), the dictionary's edition and the own-word list.
 */
const segmentationRevision = 1;

export function segmentationVersion(dictionary: string, ownKey: string): string {
  return `${segmentationRevision}|${dictionary}|${hash('sha256', ownKey, 'hex').slice(0, 16)}`;
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
  paragraphs: ReadonlyArray<CountedParagraph & { text?: string }>,
  unit: FrequencyUnit,
  cache: WordCache,
  stopIds: ReadonlySet<number>,
  ownWords: readonly string[],
  onProgress?: AnalysisProgress,
  textOf: (id: number) => string = () => '',
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
    const items = cache.itemsOf(p, unit, ownWords, textOf);
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
      cache.flush();
      onProgress?.(i + 1, paragraphs.length);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  cache.flush();
  onProgress?.(paragraphs.length, paragraphs.length);
  return { occurrences, articles, counted, total, articleCount: articleIds.size, paragraphCount: paragraphs.length };
}

function grown(array: Int32Array, size: number, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size).fill(fill);
  bigger.set(array);
  return bigger;
}
