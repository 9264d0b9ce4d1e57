import path from 'node:path';
import {
  vocabularyExportFormats,
  type VocabularyExportFormat,
  type VocabularyFilter,
} from '../../preload/contract/vocabularyTypes';
import type { Library } from '../library/createLibrary';
import { articleIdOption, UsageError } from './cliOptions';

export interface VocabOptions {
  format?: string;
  out?: string;
  article?: string;
  tag?: string;
  json: boolean;
}

/**
 * `pizhu vocab list | export --format csv|anki --out FILE`, with --article ID and --tag T as
 * filters: the lines to print. Both only read the library; the CLI may name a file, the app never does.
 */
export function runVocab(library: Library, args: readonly string[], options: VocabOptions): string[] {
  const [action, ...extra] = args;
  if (extra.length > 0) throw new UsageError(`vocab ${action ?? ''} takes no more arguments`);
  const filter: VocabularyFilter = {};
  const articleId = articleIdOption(options.article);
  if (articleId !== undefined) filter.articleId = articleId;
  if (options.tag !== undefined) filter.tag = options.tag;
  if (action === 'list') {
    const entries = library.vocabulary.listVocabulary(filter);
    if (options.json) return [JSON.stringify(entries, null, 2)];
    const rows = entries.map((e) =>
      [e.word, e.reading, e.sense, e.articleTitle ?? '', e.link ?? '', e.createdAt.slice(0, 10)].join('\t'),
    );
    return [...rows, `${entries.length} ${entries.length === 1 ? 'word' : 'words'}`];
  }
  if (action === 'export') {
    const format = options.format;
    if (!isFormat(format)) throw new UsageError(`vocab export needs --format ${vocabularyExportFormats.join('|')}`);
    if (options.out === undefined) throw new UsageError('vocab export needs --out FILE');
    const result = library.vocabulary.exportVocabulary(path.resolve(options.out), format, filter);
    const what = format === 'csv' ? 'CSV' : 'an Anki import file';
    const words = `${result.words} ${result.words === 1 ? 'word' : 'words'}`;
    return [options.json ? JSON.stringify(result, null, 2) : `${words} written to ${result.path} as ${what}`];
  }
  throw new UsageError('vocab needs list or export');
}

function isFormat(value: string | undefined): value is VocabularyExportFormat {
  return (vocabularyExportFormats as readonly (string | undefined)[]).includes(value);
}
