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
import { readArticleAnnotations } from './readArticleAnnotations';
import { readTagPassages } from './readTagPassages';
import { mergeExportedFile } from './mergeExportedFile';
import { renderRegionedFile, type RegionedFile } from './regionedFile';
import type { ArticleAnnotations } from './exportData';
import { articleRegions, isAnnotated } from './renderArticleFile';
import { indexEntry, indexRegionsOf, type IndexEntry } from './renderIndex';
import { tagReportRegions } from './renderTagReport';
import { openExportFolder, type ExportFolder, type ExportWriter } from './exportFolder';
import type { StartExportWorker } from './backgroundFileWriter';
import { requireAbsolutePath, sha256 } from './writeTextFile';
import { runSteps, type Steps } from './steppedWork';
import { exportCodebook } from '../codebook/exportCodebook';
import { readArticleMemos, readJournal } from '../memos/readMemos';
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
  const { groups, journal } = db.transaction(() => {
    const memos = readArticleMemos(db);
    const read = readArticleAnnotations(db, articleId, false, fullText).map((g) => {
      const memo = memos.get(g.article.id);
      return memo ? { ...g, memo: memo.markdown } : g;
    });
    return { groups: read, journal: scope === 'library' ? readJournal(db) : [] };
  })();
  if (articleId !== undefined && groups.length === 0) {
    throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
  }
  // An article with nothing annotated would be an empty file: it is skipped, and the report says so.
  // In the full text it is its text, and written.
  const hasAnnotations = (g: ArticleAnnotations) =>
    g.memo !== undefined || g.orphans.length > 0 || g.paragraphs.some(isAnnotated);
  const annotated = fullText ? groups : groups.filter(hasAnnotations);
  // A Set, not annotated.includes: a library-wide export has 10,000 groups or more.
  const written = new Set(annotated);
  const unannotated = groups
    .filter((g) => !written.has(g))
    .map((g) => ({ articleId: g.article.id, title: g.article.title }));
  // Only `annotated` is read from here on: a generator keeps its locals until it ends.
  written.clear();
  if (annotated !== groups) groups.length = 0;
  const folder = openExportFolder(outDir, exportWriter(db), { background });
  try {
    return { ...(yield* renderAndCommit(folder)), unannotated };
  } catch (error) {
    // Rendering failed (commit removes its own): the files staged so far go.
    folder.discard();
    throw error;
  }

  /**
   * Each file is staged as it is rendered (exportFolder: written under a temporary name, by a worker
   * thread when writes are parallel), then all are put in place at commit.
   */
  function* renderAndCommit(folder: ExportFolder): Steps<Omit<MarkdownExportReport, 'unannotated'>> {
    // Where each article's file went, for the index's links.
    const linkTargets = new Map<number, string>();
    const total = annotated.length + (scope === 'library' ? 1 : 0) + (journal.length > 0 ? 1 : 0);
    // What the index says of each article, counted as it is written.
    const entries: IndexEntry[] = [];
    for (const [i, group] of annotated.entries()) {
      if (i % stepArticles === stepArticles - 1) {
        onProgress?.(i, total, 'rendering');
        // The files of the step before this one written (parallel), or a plain pause.
        yield folder.writesBehind();
      }
      entries.push(indexEntry(group));
      const converter = createConverter(group.article.script, script, group.article.region, overrides);
      const name = folder.place(articleFileName(group.article), group.article.id, true);
      if (name !== null) {
        addRegioned(folder, name, articleRegions(group, { converter, highlightsOnly, exportedAt, fullText }), exportedAt);
        linkTargets.set(group.article.id, name.replace(/\.md$/, ''));
      }
      // Written (its file staged, and what a re-export merges kept by the folder): its paragraphs
      // and highlights let go. A library of 1,000,000 highlights held whole to the end kept a heap
      // of over a gigabyte for the collector to walk through every step.
      annotated[i] = { article: group.article, paragraphs: [], orphans: [] };
    }
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
}

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
