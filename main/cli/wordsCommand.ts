import type { AnalysisSubset, ConcordanceSort, FrequencyUnit } from '../../preload/contract/analysisTypes';
import { concordanceCsv, frequencyCsv, keynessCsv } from '../library/analysis/analysisCsv';
import { sortConcordance } from '../library/analysis/concordance';
import type { Library } from '../library/createLibrary';
import { articleIdsOption, attributeValueOption, scriptModeOption, UsageError } from './cliOptions';

export interface WordsOptions {
  tag?: string;
  article?: string;
  attribute?: string;
  ngram?: string;
  limit?: string;
  context?: string;
  sort?: string;
  script?: string;
  'include-hidden'?: boolean;
  'keep-stop-words'?: boolean;
  json?: boolean;
  csv?: boolean;
}

interface WordsIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

function subsetOf(options: WordsOptions): AnalysisSubset {
  const subset: AnalysisSubset = {};
  if (options.tag !== undefined) subset.tag = options.tag;
  if (options.article !== undefined) {
    subset.articleIds = articleIdsOption(options.article);
  }
  const attribute = attributeValueOption(options.attribute);
  if (attribute) subset.attribute = attribute;
  if (options['include-hidden']) subset.includeHidden = true;
  return subset;
}

function positive(value: string | undefined, what: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= max) return n;
  throw new UsageError(`${what} needs a whole number from 1${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
}

function ngramOf(value: string | undefined): FrequencyUnit {
  return (positive(value, '--ngram', 4) as 1 | 2 | 3 | 4 | undefined) ?? 'words';
}

/** A progress line on a terminal for a count that takes more than a second (stderr, so stdout stays the list). */
function progressLine(io: WordsIo): ((done: number, total: number) => void) | undefined {
  if (!io.isTty) return undefined;
  const started = Date.now();
  return (done, total) => {
    if (Date.now() - started > 1000) io.err(`\rcounting ${done}/${total} paragraphs${done === total ? '\n' : ''}`);
  };
}

/** `pizhu freq [--tag T] [--article IDS] [--attribute NAME=VALUE] [--ngram N] [--limit K] [--script MODE] [--include-hidden] [--json|--csv]` */
export async function runFreq(library: Library, args: readonly string[], options: WordsOptions, io: WordsIo): Promise<string[]> {
  if (args.length > 0) throw new UsageError('freq takes no arguments (a subset is --tag, --article or --attribute)');
  const unit = ngramOf(options.ngram);
  const list = await library.analysis.frequencies(
    {
      ...subsetOf(options),
      unit,
      limit: positive(options.limit, '--limit') ?? (options.json || options.csv ? undefined : 50),
      script: scriptModeOption(options.script, 'script'),
      keepStopWords: options['keep-stop-words'] === true,
    },
    progressLine(io),
  );
  if (options.json) return [JSON.stringify(list, null, 2)];
  if (options.csv) return [frequencyCsv(list).trimEnd()];
  const what = unit === 'words' ? 'words' : `${unit}-grams`;
  return [
    ...list.items.map((i, n) => `${n + 1}\t${i.text}\t${i.occurrences}\t${i.articles} ${i.articles === 1 ? 'article' : 'articles'}`),
    `${list.items.length} of ${list.distinctItems} ${what}; ${list.totalOccurrences} counted in ${list.articles} articles (${list.paragraphs} paragraphs)`,
  ];
}

/** `pizhu kwic WORD [--tag T] [--article IDS] [--attribute NAME=VALUE] [--context N] [--sort left|right] [--include-hidden] [--json|--csv]` */
export function runKwic(library: Library, args: readonly string[], options: WordsOptions): string[] {
  if (args.length !== 1) throw new UsageError('kwic needs one WORD');
  const subset = subsetOf(options);
  const context = options.context === undefined ? 20 : Number(options.context);
  const sort = options.sort ?? 'text';
  if (!['text', 'left', 'right'].includes(sort)) throw new UsageError('--sort needs left, right or text');
  const found = library.analysis.concordance({ ...subset, word: args[0]!, context });
  const lines = sortConcordance(found.lines, sort as ConcordanceSort);
  if (options.json) return [JSON.stringify({ word: found.word, lines }, null, 2)];
  if (options.csv) return [concordanceCsv(lines).trimEnd()];
  const width = Math.max(0, ...lines.map((l) => l.left.length));
  return [
    ...lines.map((l) => `${l.left.padStart(width, '\u3000')} [${l.match}] ${l.right}\t${l.articleId}:${l.ord + 1}\t${l.articleTitle}`),
    `${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`,
  ];
}

/** `pizhu keyness --tag T | --article IDS | --attribute NAME=VALUE [--ngram N] [--limit K] [--json|--csv]`: what the subset says more (or less) than the rest. */
export async function runKeyness(library: Library, args: readonly string[], options: WordsOptions, io: WordsIo): Promise<string[]> {
  if (args.length > 0) throw new UsageError('keyness takes no arguments (the subset is --tag, --article or --attribute)');
  const result = await library.analysis.keyness(
    {
      subset: subsetOf(options),
      unit: ngramOf(options.ngram),
      limit: positive(options.limit, '--limit') ?? (options.json || options.csv ? undefined : 50),
      script: scriptModeOption(options.script, 'script'),
    },
    progressLine(io),
  );
  if (options.json) return [JSON.stringify(result, null, 2)];
  if (options.csv) return [keynessCsv(result).trimEnd()];
  return [
    'item\tsubset\trest\tG2\t%DIFF',
    ...result.items.map((i) => `${i.text}\t${i.subset}\t${i.rest}\t${i.logLikelihood.toFixed(2)}\t${i.percentDiff === null ? '∞' : `${i.percentDiff.toFixed(1)}%`}`),
    `${result.subsetOccurrences} counted in the subset, ${result.restOccurrences} in the rest (G2 ≥ 3.84: p < 0.05; ≥ 10.83: p < 0.001)`,
  ];
}

/** `pizhu stopwords list | set WORD... | reset`: the library's stop-word list (set and reset are one undoable step each). */
export function runStopWords(library: Library, args: readonly string[], options: WordsOptions): string[] {
  const [action, ...words] = args;
  if (action === 'list' && words.length === 0) {
    const list = library.analysis.stopWords();
    if (options.json) return [JSON.stringify(list, null, 2)];
    return [list.words.join(' '), `${list.words.length} stop words${list.isDefault ? ' (the default list)' : ''}`];
  }
  if (action === 'set' && words.length > 0) {
    const list = library.analysis.setStopWords(words);
    return [`${list.words.length} stop words set`];
  }
  if (action === 'reset' && words.length === 0) {
    library.analysis.setStopWords(null);
    return ['the default stop words apply'];
  }
  throw new UsageError('stopwords needs list, set WORD... or reset');
}
