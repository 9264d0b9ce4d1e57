import fs from 'node:fs';
import { createConverter } from '../../../preload/common/createConverter';
import { isScriptMode, scriptModes, type ScriptMode } from '../../../preload/common/scriptModes';
import type { MarkdownExportReport, MarkdownExportRequest } from '../../../preload/contract/api';
import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import { listTermOverrides } from '../overrides/termOverrides';
import type { Db } from '../store/openDatabase';
import { readLibraryId } from '../store/libraryIdentity';
import { canonicalTagName } from '../store/tags';
import { articleFileName, tagReportFileName } from './articleFileName';
import { hasAnnotations, openArticleBatches } from './articleBatches';
import { readTagPassages } from './readTagPassages';
import { mergeExportedFile } from './mergeExportedFile';
import { renderRegionedFile, type RegionedFile } from './regionedFile';
import type { ArticleAnnotations } from './exportData';
import { articleRegions } from './renderArticleFile';
import { indexEntry, indexRegionsOf, type IndexEntry } from './renderIndex';
import { tagReportRegions } from './renderTagReport';
import { openExportFolder, type ExportFolder, type ExportWriter } from './exportFolder';
import type { StartExportWorker } from './backgroundFileWriter';
import { requireAbsolutePath, sha256 } from './writeTextFile';
import { runSteps, type Steps } from './steppedWork';
import { exportCodebook } from '../codebook/exportCodebook';
import { journalFileName, journalRegions } from '../memos/renderJournal';

/** Files written of those to write; while they are still being rendered, `rendering` with those rendered. */
export type ExportProgress = (done: number, total: number, phase?: 'rendering') => void;

/** Articles rendered between two pauses of exportMarkdownSteps. */
const stepArticles = 200;

/**
 * Writes the Markdown export of DESIGN §5 into `outDir` and returns the paths written: one
 * article's file; one tag's codebook report; or, for the library, one file per article and an
 * `index.md` linking them; an article with nothing annotated gets no file, and the report names
 * it. The same library gives the same bytes, apart from `exported_at`.
 * A file this library wrote before is written anew around whatever the person wrote
 * in it since (exportFolder, mergeExportedFile): the report names each such file and what was
 * kept. Other files Pizhu did not write, or cannot tell its part of, are never replaced: the
 * report names each one kept as it was, why, and where it wrote instead.
 */
export function exportMarkdownReport(
  db: Db,
  request: MarkdownExportRequest,
  exportedAt: string,
  onProgress?: ExportProgress,
): MarkdownExportReport {
  return runSteps(exportMarkdownSteps(db, request, exportedAt, onProgress));
}

/**
 * exportMarkdownReport in steps (steppedWork): the library is read in one transaction, then
 * the files are rendered and written with a pause every few of them, saying how far each is.
 * `background` (run by runStepsAsync only): each pause's files are written at once by the export
 * worker thread it starts (backgroundFileWriter).
 */
export function* exportMarkdownSteps(
  db: Db,
  request: MarkdownExportRequest,
  exportedAt: string,
  onProgress?: ExportProgress,
  background?: StartExportWorker,
): Steps<MarkdownExportReport> {
  const outDir = requireAbsolutePath(request.outDir, 'export folder');
  const script = requireScript(request.script ?? 'original');
  const highlightsOnly = request.highlightsOnly ?? false;
  const fullText = request.fullText ?? false;
  const { scope } = request;
  // The library's own conversions: an export in a script reads as the reader shows it.
  const overrides = script === 'original' ? [] : listTermOverrides(db);
  if (fullText && highlightsOnly) {
    throw new LibraryError(
      'invalid-argument',
      'A Markdown export is either the full text or the highlights only, not both.',
    );
  }

  if (scope === 'codebook') {
    if (fullText || highlightsOnly) {
      throw new LibraryError('invalid-argument', 'The codebook lists the tags and their descriptions, not passages.');
    }
    return exportCodebook(db, outDir, exportedAt, exportWriter(db), onProgress);
  }

  if (scope !== 'library' && 'tag' in scope) {
    if (fullText) {
      throw new LibraryError(
        'invalid-argument',
        "A tag's report quotes its passages; the full text is exported per article or for the library.",
      );
    }
    // Named as stored, whatever case it was asked in: the same tag always gives the same file.
    const tag = canonicalTagName(db, normalizeTagName(scope.tag));
    // One read transaction: a consistent picture even if the app writes meanwhile.
    const groups = db.transaction(() => readTagPassages(db, tag))();
    const folder = openExportFolder(outDir, exportWriter(db), { background });
    const name = folder.place(tagReportFileName(tag), undefined, true);
    if (name !== null)
      addRegioned(
        folder,
        name,
        tagReportRegions(tag, groups, { script, highlightsOnly, exportedAt, overrides }),
        exportedAt,
      );
    return { ...(yield* folder.commitSteps((done) => onProgress?.(done, 1))), unannotated: [] };
  }

  const articleId = scope === 'library' ? undefined : scope.article;
  if (scope !== 'library' && !(Number.isInteger(articleId) && (articleId ?? 0) > 0)) {
    throw new LibraryError('invalid-argument', 'A Markdown export covers one article, one tag or the library.');
  }
  // Read a batch at a time from one snapshot of the library (articleBatches), rendered as read.
  const source = openArticleBatches(db, { articleId, fullText, library: scope === 'library' });
  try {
    const { journal } = source;
    const first = source.next() ?? [];
    if (articleId !== undefined && first.length === 0 && source.unannotated.length === 0) {
      throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
    }
    const unannotated = source.unannotated.map((a) => ({ articleId: a.id, title: a.title }));
    const folder = openExportFolder(outDir, exportWriter(db), { background });
    try {
      return { ...(yield* renderAndCommit(folder, first, unannotated)), unannotated };
    } catch (error) {
      // Rendering failed (commit removes its own): the files staged so far go.
      folder.discard();
      throw error;
    }

    /**
     * Each file is staged as it is rendered (exportFolder: written under a temporary name, by a worker
     * thread when writes are parallel), then all are put in place at commit.
     */
    function* renderAndCommit(
      folder: ExportFolder,
      first: ArticleAnnotations[],
      unannotated: MarkdownExportReport['unannotated'],
    ): Steps<Omit<MarkdownExportReport, 'unannotated'>> {
      // Where each article's file went, for the index's links.
      const linkTargets = new Map<number, string>();
      const total = source.count + (scope === 'library' ? 1 : 0) + (journal.length > 0 ? 1 : 0);
      // What the index says of each article, counted as it is written.
      const entries: IndexEntry[] = [];
      let rendered = 0;
      for (let batch: ArticleAnnotations[] | undefined = first; batch !== undefined; batch = source.next()) {
        for (let k = 0; k < batch.length; k++) {
          const group = batch[k]!;
          // Let go as soon as it is rendered: a batch read at once (articleBatches) is the whole library.
          batch[k] = emptyGroup;
          // An article with nothing annotated would be an empty file: it is skipped, and the report
          // says so. In the full text it is its text, and written.
          if (!fullText && !hasAnnotations(group)) {
            unannotated.push({ articleId: group.article.id, title: group.article.title });
            continue;
          }
          if (rendered % stepArticles === stepArticles - 1) {
            onProgress?.(rendered, Math.max(total, rendered), 'rendering');
            // The files of the step before this one written (parallel), or a plain pause.
            yield folder.writesBehind();
          }
          rendered++;
          entries.push(indexEntry(group));
          const converter = createConverter(group.article.script, script, group.article.region, overrides);
          const name = folder.place(articleFileName(group.article), group.article.id, true);
          if (name !== null) {
            addRegioned(folder, name, articleRegions(group, { converter, highlightsOnly, exportedAt, fullText }), exportedAt);
            linkTargets.set(group.article.id, name.replace(/\.md$/, ''));
          }
        }
      }
      // Everything is read: the snapshot ends before the files are put in place.
      source.close();
      if (scope === 'library') {
        const name = folder.place('index.md', undefined, true);
        if (name !== null) {
          addRegioned(
            folder,
            name,
            indexRegionsOf(entries, exportedAt, (article) => linkTargets.get(article.id)),
            exportedAt,
          );
        }
      }
      if (journal.length > 0) {
        const name = folder.place(journalFileName, undefined, true);
        if (name !== null) addRegioned(folder, name, journalRegions(journal, exportedAt), exportedAt);
      }
      return yield* folder.commitSteps((done) => onProgress?.(done, total));
    }
  } finally {
    source.close();
  }
}

/** What a rendered article's place in its batch holds: nothing to keep alive. */
const emptyGroup: ArticleAnnotations = {
  article: { id: 0, title: '', subtitle: null, source: null, author: null, publishedAt: null, url: null, script: 'simplified' },
  paragraphs: [],
  orphans: [],
};

/** Queues a file in marked regions, to be merged with what the person wrote in the one there (mergeExportedFile). */
function addRegioned(folder: ExportFolder, name: string, file: RegionedFile, exportedAt: string): void {
  folder.add(name, renderRegionedFile(file), (existing) => mergeExportedFile(existing, file, exportedAt));
}

/**
 * Which library writes, for the export folder's manifest: its own random identity, kept in the
 * library file (migration 0007), so a library moved, copied or restored elsewhere is still the
 * same writer. Manifests from before it name a library by its file's real path, hashed: such an
 * entry naming this library's current path is this library's too.
 */
function exportWriter(db: Db): ExportWriter {
  const byPath = pathIdentity(db);
  return { id: readLibraryId(db) ?? byPath, alsoMine: [byPath] };
}

/** The library file's real path, hashed (the manifest may travel with a vault; the path need not). */
function pathIdentity(db: Db): string {
  let file = db.name;
  try {
    file = fs.realpathSync(file);
  } catch {
    // An in-memory or vanished library: its name is all there is.
  }
  return sha256(file).slice(0, 16);
}

function requireScript(script: string): ScriptMode {
  if (!isScriptMode(script)) {
    throw new LibraryError('invalid-argument', `"${script}" is not a script mode (${scriptModes.join(', ')}).`, script);
  }
  return script;
}
