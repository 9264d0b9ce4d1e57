import path from 'node:path';
import { readRegularFile } from '../files/readRegularFile';
import type { PizhuErrorCode } from '../../../preload/contract/errors';
import { fingerprintOf } from '../duplicates/fingerprint';
import { LibraryError } from '../libraryError';
import type { NewArticle } from '../store/articles';
import { storedRawText } from '../store/rawTextCodec';
import { detectArticleRegion } from './detectRegion';
import type { ParseJob } from './parseProtocol';
import { isFeedName } from './feeds/feedFiles';
import { prepareFeedImport } from './feeds/prepareFeed';
import { maxImportBytes } from './importLimits';
import { prepareFileImport, preparePastedImport } from './prepareImport';

/** One article of an import (a file, pasted text or a feed's item), read and parsed, ready for the store; or why it cannot be imported. */
export type PreparedArticle =
  { fileName: string; article: NewArticle } | { fileName: string; failed: string; code: PizhuErrorCode };

/** One file of an import: an article, or an RSS/Atom feed's items, each an article of its own. */
export type PreparedFile = PreparedArticle | { fileName: string; feed: PreparedArticle[] };

/**
 * The duplicate check's fingerprint, the compressed raw text and the detected region are made
 * here too: in the worker, off the thread that stores (which an import waits on).
 */
function withFingerprint(article: NewArticle): NewArticle {
  const { script, metadata, paragraphs } = article.parsed;
  return {
    ...article,
    fingerprint: fingerprintOf(paragraphs),
    prepared: {
      storedRawText: plainBytes(storedRawText(article.rawText, paragraphs.map((p) => p.raw))),
      regionDetected: detectArticleRegion(script, metadata, paragraphs),
    },
  };
}

/**
 * Bytes as a Uint8Array of their own, as they arrive from the worker: a Buffer may be a view of
 * a shared pool, which the message would copy whole.
 */
function plainBytes(value: string | Buffer): string | Uint8Array {
  return typeof value === 'string' ? value : new Uint8Array(value);
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
    return { fileName: jobName(job), article: withFingerprint(preparePastedImport(job.pasted, job.title)) };
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
      'article' in item ? { ...item, article: withFingerprint(item.article) } : item,
    );
    return { fileName, feed };
  }
  return { fileName, article: withFingerprint(prepareFileImport(bytes, fileName)) };
}
