import { hash } from 'node:crypto';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import type { Memo } from '../../../preload/contract/memoTypes';
import type { TermOverride } from '../../../preload/contract/termOverrideTypes';
import { readArticleMemos } from '../memos/readMemos';
import type { Db } from '../store/openDatabase';
import { hasAnnotations, openSnapshotReader, readBatchWithMemos } from './articleBatches';
import type { ArticleAnnotations } from './exportData';
import { regionedArticleFile } from './renderArticleFile';
import { renderRegionedFile } from './regionedFile';
import { indexEntry } from './renderIndex';

/** How the files of one export are rendered: the same for the main thread's files and the worker's share. */
export interface ShareOptions {
  /** The library file (WAL): the worker reads it on a connection of its own. */
  dbPath: string;
  script: ScriptMode;
  highlightsOnly: boolean;
  fullText: boolean;
  exportedAt: string;
  /** The library's conversions, read by the main thread (termOverrides). */
  overrides: readonly TermOverride[];
}

/** An article's file as the worker wrote it: the SHA-256 of its bytes, and what the index says of it. */
export interface RenderedFile {
  hash: string;
  highlights: number;
  notes: number;
}

/**
 * The export worker's share of a library export's rendering (issue #16: rendering on one thread
 * was most of an export of 1,000,000 highlights, with a second core idle). It reads its articles
 * from a snapshot of its own, begun while the library's writes are held off just after the main
 * thread's (articleBatches' alsoBegin), so both render the same library; it renders each file
 * as the main thread would (articleFile) and writes it under the temporary the main thread
 * named, created exclusively, as the background writer does. The main thread places every name
 * and puts every file in place; a share holds only names that were free (nothing to merge with).
 */
export function openRenderShare(options: ShareOptions) {
  const reader: Db = openSnapshotReader(options.dbPath);
  let memos: Map<number, Memo> | null = null;
  return {
    /** Begins the snapshot (its first read). */
    begin(): void {
      reader.exec('BEGIN');
      memos = readArticleMemos(reader);
    },

    /**
     * Each article's file written under its temporary; null for one with nothing annotated (no
     * file: the main thread's count of annotated articles comes from the same snapshot, so there is none).
     * `write` puts the bytes under the temporary (serveExportRequests' exclusive create).
     */
    render(
      files: ReadonlyArray<{ article: number; temporary: string }>,
      write: (temporary: string, bytes: Uint8Array) => void,
      results: Array<RenderedFile | null>,
    ): void {
      if (memos === null) throw new Error('the export worker renders only after its snapshot began');
      const groups = new Map(
        readBatchWithMemos(
          reader,
          files.map((f) => f.article),
          options.fullText,
          memos,
        ).map((g) => [g.article.id, g]),
      );
      for (const f of files) {
        const group = groups.get(f.article);
        if (group === undefined || (!options.fullText && !hasAnnotations(group))) {
          results.push(null);
          continue;
        }
        const bytes = Buffer.from(articleFile(group, options), 'utf8');
        write(f.temporary, bytes);
        const { highlights, notes } = indexEntry(group);
        results.push({ hash: hash('sha256', bytes, 'hex'), highlights, notes });
      }
    },

    /** Ends the snapshot and closes its connection. */
    end(): void {
      try {
        if (reader.inTransaction) reader.exec('COMMIT');
      } finally {
        reader.close();
      }
    },
  };
}

export type RenderShare = ReturnType<typeof openRenderShare>;

/** An article's file text, as exportMarkdown writes it where nothing was there. */
export function articleFile(group: ArticleAnnotations, options: Omit<ShareOptions, 'dbPath'>): string {
  return renderRegionedFile(regionedArticleFile(group, options));
}

