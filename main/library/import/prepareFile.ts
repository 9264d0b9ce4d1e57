import path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import type { PizhuErrorCode } from '../../../preload/contract/errors';
import { LibraryError } from '../libraryError';
import type { NewArticle } from '../store/articles';
import type { ParseJob } from './parseProtocol';
import { isFeedName } from './feeds/feedFiles';
import { prepareFeedImport } from './feeds/prepareFeed';
import { maxImportBytes } from './importLimits';
import { prepareFileImport, preparePastedImport } from './prepareImport';
import { indexTokensAndCharacters } from '../search/searchTokens';
import { fingerprintOf } from '../duplicates/fingerprint';

/** One article of an import (a file, pasted text or a feed's item), read and parsed, ready for the store; or why it cannot be imported. */
export type PreparedArticle =
  { fileName: string; article: NewArticle } | { fileName: string; failed: string; code: PizhuErrorCode };

/** One file of an import: an article, or an RSS/Atom feed's items, each an article of its own. */
export type PreparedFile = PreparedArticle | { fileName: string; feed: PreparedArticle[] };

/**
 * The search index's tokens of each paragraph and the duplicate check's fingerprint are made
 * here, in the parse worker: the thread that stores then writes the tokens as given
 * (store/deferSearchIndex) instead of tokenizing every paragraph through SQL. The compressed raw
 * text and the detected region are left to the store, which makes them when absent: an import
 * takes as long as the slower of the two threads, and this keeps them even. 10,000 bench
 * articles, CPU seconds storing / in the worker, interleaved runs (load 5-11): 7.6 / 8.05 with
 * all three here and no tokens; 7.0 / 7.3 so; 8.3 / 6.7 with all three left to the store.
 */
function forTheStore(article: NewArticle): NewArticle {
  const { paragraphs } = article.parsed;
  const tokens: string[] = [];
  const characters: string[] = [];
  for (const p of paragraphs) {
    const read = indexTokensAndCharacters(p.text);
    tokens.push(read.tokens);
    characters.push(read.characters);
  }
  return {
    ...article,
    searchTokens: { tokens, characters },
    fingerprint: fingerprintOf(paragraphs),
  };
}

/** The name of what a job imports, for outcomes and messages. */
export function jobName(job: ParseJob): string {
  if (typeof job === 'string') return path.basename(job);
  return 'dropped' in job ? job.fileName : 'pasted text';
}

/** A file (prepareFile) or pasted text, read and parsed. */
export function prepareJob(job: ParseJob): PreparedFile {
  if (typeof job === 'string') return prepareFile(job);
  try {
    if ('dropped' in job) return prepareBytes(job.dropped, job.fileName);
    return { fileName: jobName(job), article: forTheStore(preparePastedImport(job.pasted, job.title)) };
  } catch (error) {
    if (error instanceof LibraryError) return { fileName: jobName(job), failed: error.message, code: error.code };
    throw error;
  }
}

/**
 * Reads and parses one file: everything an import does before the database. A file that cannot
 * be read or imported becomes a message naming it; anything else (a bug) throws. Runs in the
 * import's worker thread (parseWorkerEntry.ts) or, without one, on the calling thread.
 */
export function prepareFile(file: string): PreparedFile {
  const fileName = path.basename(file);
  try {
    // Opened without blocking and checked on the open handle: a FIFO, a device (a symlink to
    // /dev/zero) or a file over the limit is refused before a byte is read.
    const bytes = readRegularFile(file, { maxBytes: maxImportBytes, what: 'document' });
    return prepareBytes(bytes, fileName);
  } catch (error) {
    if (error instanceof LibraryError) return { fileName, failed: error.message, code: error.code };
    throw error;
  }
}

/** A file's bytes: a feed's items, or the one article of any other file. Throws LibraryError. */
function prepareBytes(bytes: Uint8Array, fileName: string): PreparedFile {
  if (isFeedName(fileName)) {
    const feed = prepareFeedImport(bytes, fileName).map((item) =>
      'article' in item ? { ...item, article: forTheStore(item.article) } : item,
    );
    return { fileName, feed };
  }
  return { fileName, article: forTheStore(prepareFileImport(bytes, fileName)) };
}
