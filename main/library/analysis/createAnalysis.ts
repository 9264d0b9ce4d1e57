import type {
  AnalysisSubset,
  ConcordanceRequest,
  ConcordanceSpan,
  FrequencyItem,
  FrequencyList,
  FrequencyRequest,
  FrequencyUnit,
  KeynessItem,
  KeynessRequest,
  KeynessResult,
  StopWordList,
  WordsCsvRequest,
  WordsCsvResult,
  WordsProgress,
} from '../../../preload/contract/analysisTypes';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { createLibraryFileGuard, type LibraryFiles } from '../files/libraryFileGuard';
import { concordanceCsv, frequencyCsv, keynessCsv } from './analysisCsv';
import type { HighlightColor } from '../../../preload/contract/annotationTypes';
import type { AutocodeResult } from '../../../preload/contract/api';
import { createConverter } from '../../../preload/common/createConverter';
import { foldToSimplified } from '../../../preload/common/foldScript';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import { createJournaled } from '../annotations/journaled';
import { openDictionary } from '../dictionary/openDictionary';
import type { PackedDictionary } from '../dictionary/packedDictionary';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { paragraphText, subsetParagraphs } from './analysisSubset';
import { codeConcordanceLines, concordance } from './concordance';
import { countItems, createWordCache, type AnalysisProgress, type Tally, type WordCache } from './countItems';
import { keyness } from './keyness';
import { foldedWordLengths } from './paragraphWords';
import { segmentationStore } from './segmentationStore';
import { foldedStopWords, readStopWords, writeStopWords } from './stopWords';

export type Analysis = ReturnType<typeof createAnalysis>;

export interface AnalysisDeps {
  /** The dictionary's packed file; opened on the first word count (tests pass one packed once). */
  dictionary?: () => PackedDictionary;
  /** The library's own files, which a CSV export must never overwrite. */
  files?: LibraryFiles;
}

const units: readonly FrequencyUnit[] = ['words', 1, 2, 3, 4];

/**
 * Word frequencies, keyword in context and keyness over the library or a subset (issue #18
 * item 5), and the stop-word list they leave out. Words are the dictionary's segmentation
 * (preload/common/segmentWords) of the folded text, with the person's vocabulary as their own
 * words; every item is counted folded (晉江 and 晋江 once) and written in the script asked for.
 */
export function createAnalysis(db: Db, nowIso: () => string, deps: AnalysisDeps = {}) {
  const journaled = createJournaled(db, nowIso);
  const guard = deps.files && createLibraryFileGuard(deps.files);
  const textOf = paragraphText(db);
  let packed: PackedDictionary | undefined;
  const dictionary = () => (packed ??= deps.dictionary ? deps.dictionary() : openDictionary().packed);
  let lengths: ReturnType<typeof foldedWordLengths> | undefined;
  const cache: WordCache = createWordCache(() => (lengths ??= foldedWordLengths(dictionary())), segmentationStore(db), () => {
    const { format, edition, entries, keys } = dictionary().header;
    return `${format}:${edition}:${entries}:${keys}`;
  });

  function stopIds(keep: boolean | undefined): Set<number> {
    if (keep === true) return new Set();
    return new Set([...foldedStopWords(db)].map(cache.idOf));
  }

  // The running counts' progress, for a window that polls it (getWordsProgress): the latest report.
  let running = 0;
  let progress: WordsProgress | null = null;
  async function tally(subset: AnalysisSubset, unit: FrequencyUnit, keepStop: boolean | undefined, onProgress?: AnalysisProgress, complement = false): Promise<Tally> {
    const paragraphs = subsetParagraphs(db, subset, complement, undefined, false);
    running++;
    try {
      return await countItems(paragraphs, unit, cache, stopIds(keepStop), ownWords(db), (done, total) => {
        progress = { done, total };
        onProgress?.(done, total);
      }, textOf);
    } finally {
      if (--running === 0) progress = null;
    }
  }

  const analysis = {
    /** How far the running frequency list or keyness count has got (the last to report); null when none runs. */
    progress(): WordsProgress | null {
      return progress;
    },

    /** Words or character n-grams of a subset, most frequent first (then by article count, then by text). */
    async frequencies(request: FrequencyRequest, onProgress?: AnalysisProgress): Promise<FrequencyList> {
      const unit = checkUnit(request.unit);
      const limit = checkLimit(request.limit);
      const counted = await tally(request, unit, request.keepStopWords, onProgress);
      const write = writer(request.script);
      const { occurrences, articles } = counted;
      const ranked = [...counted.counted]
        .sort((a, b) => occurrences[b]! - occurrences[a]! || articles[b]! - articles[a]! || compare(cache.names[a]!, cache.names[b]!))
        .slice(0, limit);
      const items: FrequencyItem[] = ranked.map((id) => ({
        text: write(cache.names[id]!),
        folded: cache.names[id]!,
        occurrences: occurrences[id]!,
        articles: articles[id]!,
      }));
      return {
        unit,
        items,
        totalOccurrences: counted.total,
        distinctItems: counted.counted.length,
        articles: counted.articleCount,
        paragraphs: counted.paragraphCount,
      };
    },

    /** Every occurrence of a word in context (concordance.ts). */
    concordance(request: ConcordanceRequest) {
      return concordance(db, request.word, request, request.context);
    },

    /** Codes chosen KWIC lines with a tag: one undo step. */
    codeConcordanceLines(spans: readonly ConcordanceSpan[], tag: string, color?: HighlightColor): AutocodeResult {
      return codeConcordanceLines(db, journaled, spans, tag, color);
    },

    /** The items a subset uses more (or less) than the rest of the library, by log-likelihood (keyness.ts). */
    async keyness(request: KeynessRequest, onProgress?: AnalysisProgress): Promise<KeynessResult> {
      const unit = checkUnit(request.unit);
      const limit = checkLimit(request.limit);
      const min = request.minOccurrences ?? 5;
      if (!Number.isInteger(min) || min < 1) throw new LibraryError('invalid-argument', 'The least number of occurrences is a whole number, 1 or more.');
      const { tag, articleIds, attribute } = request.subset;
      if (tag === undefined && articleIds === undefined && attribute === undefined) {
        throw new LibraryError('invalid-argument', 'Keyness compares a subset with the rest: choose a tag, articles or an attribute value.');
      }
      const half = onProgress && ((done: number, total: number) => onProgress(done, total * 2));
      const subset = await tally(request.subset, unit, false, half);
      const rest = await tally(request.subset, unit, false, onProgress && ((done, total) => onProgress(total + done, total * 2)), true);
      const write = writer(request.script);
      const items: KeynessItem[] = [];
      for (const id of new Set([...subset.counted, ...rest.counted])) {
        const a = subset.occurrences[id] ?? 0;
        const b = rest.occurrences[id] ?? 0;
        if (a + b < min) continue;
        const figures = keyness(a, b, subset.total, rest.total);
        items.push({ text: write(cache.names[id]!), folded: cache.names[id]!, subset: a, rest: b, ...figures });
      }
      items.sort((x, y) => y.logLikelihood - x.logLikelihood || compare(x.folded, y.folded));
      return { unit, subsetOccurrences: subset.total, restOccurrences: rest.total, items: items.slice(0, limit) };
    },

    stopWords(): StopWordList {
      return readStopWords(db);
    },

    /** Replaces the stop-word list (null: back to the default list); one undo step. */
    setStopWords(words: readonly string[] | null): StopWordList {
      return writeStopWords(db, journaled, words);
    },

    /** The table asked for, counted again, as CSV in `file` (chosen by main's save dialog; never a library file). */
    async exportCsv(file: string, request: WordsCsvRequest): Promise<WordsCsvResult> {
      const target = requireAbsolutePath(file, 'CSV file');
      guard?.checkFile(target, 'CSV file');
      let content: string;
      let rows: number;
      if (request.kind === 'frequencies') {
        const list = await analysis.frequencies(request.request);
        [content, rows] = [frequencyCsv(list), list.items.length];
      } else if (request.kind === 'concordance') {
        const found = analysis.concordance(request.request);
        [content, rows] = [concordanceCsv(found.lines), found.lines.length];
      } else {
        const result = await analysis.keyness(request.request);
        [content, rows] = [keynessCsv(result), result.items.length];
      }
      writeTextFile(target, content);
      return { path: target, rows };
    },
  };
  return analysis;
}

/** The person's own words: the vocabulary they saved, folded, longer than one character (one is always a unit). */
function ownWords(db: Db): string[] {
  const words = db.prepare('SELECT DISTINCT stored_word FROM vocabulary').pluck().all() as string[];
  return [...new Set(words.map((w) => foldToSimplified(w.trim())).filter((w) => [...w].length > 1))].sort();
}

function writer(script: ScriptMode | undefined): (folded: string) => string {
  if (script === undefined || script === 'original' || script === 'cn') return (folded) => folded;
  const converter = createConverter('simplified', script);
  return (folded) => converter.convert(folded).text;
}

function checkUnit(unit: FrequencyUnit | undefined): FrequencyUnit {
  if (unit === undefined) return 'words';
  if (!units.includes(unit)) throw new LibraryError('invalid-argument', `"${String(unit)}" is not words or an n-gram length of 1 to 4.`);
  return unit;
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new LibraryError('invalid-argument', 'A limit is a whole number, 1 or more.');
  }
  return limit;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
