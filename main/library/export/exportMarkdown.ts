import fs from 'node:fs';
import path from 'node:path';
import { isScriptMode, scriptModes, type ScriptMode } from '../../../preload/common/scriptModes';
import type { MarkdownExportReport, MarkdownExportRequest } from '../../../preload/contract/api';
import { normalizeTagName } from '../annotations/tagNames';
import { LibraryError } from '../libraryError';
import { listTermOverrides } from '../overrides/termOverrides';
import type { Db } from '../store/openDatabase';
import { readLibraryId } from '../store/libraryIdentity';
import { canonicalTagName } from '../store/tags';
import { articleFileName, tagReportFileName } from './articleFileName';
import { hasAnnotations, openArticleBatches, type ArticleBatches } from './articleBatches';
import { readTagPassages } from './readTagPassages';
import { mergeExportedFile } from './mergeExportedFile';
import { renderRegionedFile, type RegionedFile } from './regionedFile';
import type { ArticleAnnotations, ExportArticle } from './exportData';
import { regionedArticleFile } from './renderArticleFile';
import { indexEntry, indexRegionsOf, type IndexEntry } from './renderIndex';
import { tagReportRegions } from './renderTagReport';
import { openExportFolder, type ExportFolder, type ExportWriter } from './exportFolder';
import type { BackgroundFileWriter, StartExportWorker } from './backgroundFileWriter';
import { requireAbsolutePath, sha256, temporaryNameFor } from '../files/writeTextFile';
import { runSteps, type Steps } from './steppedWork';
import { exportCodebook } from '../codebook/exportCodebook';
import { journalFileName, journalRegions } from '../memos/renderJournal';

/** Files written of those to write; while they are still being rendered, `rendering` with those rendered. */
export type ExportProgress = (done: number, total: number, phase?: 'rendering') => void;

/** Articles rendered between two pauses of exportMarkdownSteps. */
const stepArticles = 200;
/**
 * Or the time between two pauses, whichever comes first: a step's files are written by the
 * thread that renders them while the worker renders a share, and creating a file took from 50 µs
 * to half a millisecond as the file system was busy, so 200 files could hold the progress bar still for most of a second.
 */
const stepMs = 50;

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
 * worker thread it starts (backgroundFileWriter); a library's, the worker renders a share of (renderShare).
 */
export function* exportMarkdownSteps(
  db: Db,
  request: MarkdownExportRequest,
  exportedAt: string,
  onProgress?: ExportProgress,
  background?: StartExportWorker,
  /** Articles per batch while the worker renders a share (the tests' small libraries take a few). */
  shareBatch = shareBatchArticles,
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
  const fileOptions = { script, highlightsOnly, fullText, exportedAt, overrides };
  // The library's files are rendered on two threads (the export worker renders a share) where it can.
  const sharing = scope === 'library' && background !== undefined && !db.memory;
  const folder0 = sharing ? openExportFolder(outDir, exportWriter(db), { background }) : undefined;
  const helper = folder0?.backgroundWriter();
  // The worker opens its connection while this thread reads the article list below: its
  // snapshot begins after that (alsoBegin), the worker taking the request when it is up.
  helper?.openShare({ dbPath: db.name, ...fileOptions }).catch(() => undefined);
  // Read a batch at a time from one snapshot of the library (articleBatches), rendered as read.
  let source: ArticleBatches;
  try {
    source = openArticleBatches(
      db,
      {
        articleId,
        fullText,
        library: scope === 'library',
        ...(helper ? { alsoBegin: () => helper.beginShare(shareBeginMs) } : {}),
      },
      helper ? shareBatch : undefined,
    );
  } catch (error) {
    folder0?.discard();
    throw error;
  }
  // A share opened but not begun (the worker was too slow, or writes could not be held off): the snapshot goes.
  const share = helper && source.shared ? helper : undefined;
  if (helper && !share) helper.endShare();
  let shareEnded = false;
  const endShare = () => {
    if (share && !shareEnded) share.endShare();
    shareEnded = true;
  };
  try {
    const { journal } = source;
    const first = articleId === undefined ? undefined : (source.next() ?? []);
    if (first !== undefined && first.length === 0 && source.unannotated.length === 0) {
      throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
    }
    const unannotated = source.unannotated.map((a) => ({ articleId: a.id, title: a.title }));
    const folder = folder0 ?? openExportFolder(outDir, exportWriter(db), { background });
    try {
      return { ...(yield* renderAndCommit(folder, first, unannotated)), unannotated };
    } catch (error) {
      // Rendering failed (commit removes its own): the files staged so far go.
      endShare();
      folder.discard();
      throw error;
    }

    /**
     * Each file is staged as it is rendered (exportFolder: written under a temporary name, by a worker
     * thread when writes are parallel), then all are put in place at commit. Where the worker renders
     * a share, each batch goes to whichever thread is free: the worker (at most `shareSlots` batches
     * waiting), or this one.
     */
    function* renderAndCommit(
      folder: ExportFolder,
      first: ArticleAnnotations[] | undefined,
      unannotated: MarkdownExportReport['unannotated'],
    ): Steps<Omit<MarkdownExportReport, 'unannotated'>> {
      // Where each article's file went, for the index's links.
      const linkTargets = new Map<number, string>();
      const total = source.count + (scope === 'library' ? 1 : 0) + (journal.length > 0 ? 1 : 0);
      // What the index says of each article, in the articles' order (the worker's filled in as its batches come back).
      const entries: Array<IndexEntry | undefined> = [];
      let rendered = 0;
      let sinceProgress = 0;
      let lastPause = performance.now();
      /** The worker's batches not yet back. */
      const sent = new Set<Promise<unknown>>();
      if (share) folder.writeHere();
      let pendingFirst = first;
      // The total is known once the snapshot began: said at once, before the first files.
      onProgress?.(0, total, 'rendering');

      /** Renders one article here, at the name placed for it already (`placed`), or placed now. */
      function* renderHere(group: ArticleAnnotations, placed?: string | null): Steps<void> {
        // An article with nothing annotated would be an empty file: it is skipped, and the report
        // says so. In the full text it is its text, and written.
        if (!fullText && !hasAnnotations(group)) {
          unannotated.push({ articleId: group.article.id, title: group.article.title });
          return;
        }
        if (++sinceProgress >= stepArticles || performance.now() - lastPause >= stepMs) {
          sinceProgress = 0;
          lastPause = performance.now();
          onProgress?.(rendered, Math.max(total, rendered), 'rendering');
          // The files of the step before this one written (parallel), or a plain pause.
          yield folder.writesBehind();
        }
        rendered++;
        entries.push(indexEntry(group));
        const name = placed === undefined ? folder.place(articleFileName(group.article), group.article.id, true) : placed;
        if (name !== null) {
          addRegioned(folder, name, regionedArticleFile(group, fileOptions), exportedAt);
          linkTargets.set(group.article.id, name.replace(/\.md$/, ''));
        }
      }

      for (;;) {
        let batch: ArticleAnnotations[] | undefined;
        let placed: Map<number, string | null> | undefined;
        if (pendingFirst !== undefined) {
          batch = pendingFirst;
          pendingFirst = undefined;
        } else if (share && sent.size < shareSlots) {
          const articles = source.nextArticles!();
          if (articles === undefined) break;
          placed = new Map(articles.map((a) => [a.id, folder.place(articleFileName(a), a.id, true)]));
          const names = [...placed.values()];
          if (names.every((name) => name !== null && folder.isCreated(name))) {
            sendToShare(share, articles, placed as Map<number, string>);
            // A pause: the worker's answers are taken meanwhile.
            yield;
            lastPause = performance.now();
            continue;
          }
          // A name to merge with, or none usable: rendered here, where the merge is.
          batch = source.read!(articles);
        } else if (share) {
          // The worker's slots are full: a small batch here, so the worker is given its next one soon.
          const articles = source.nextArticles!(Math.max(1, Math.ceil(shareBatch / ownShareParts)));
          if (articles === undefined) break;
          batch = source.read!(articles);
        } else {
          batch = source.next();
          if (batch === undefined) break;
        }
        for (let k = 0; k < batch.length; k++) {
          const group = batch[k]!;
          // Let go as soon as it is rendered: a batch read at once (articleBatches) is the whole library.
          batch[k] = emptyGroup;
          yield* renderHere(group, placed?.get(group.article.id));
        }
      }
      // The worker's last batches, each reported as it comes back.
      while (sent.size > 0) {
        yield Promise.race(sent);
        onProgress?.(rendered, Math.max(total, rendered), 'rendering');
      }
      // Everything is read: the snapshots end before the files are put in place.
      source.close();
      endShare();
      if (scope === 'library') {
        const name = folder.place('index.md', undefined, true);
        if (name !== null) {
          addRegioned(
            folder,
            name,
            indexRegionsOf(
              entries.filter((e) => e !== undefined),
              exportedAt,
              (article) => linkTargets.get(article.id),
            ),
            exportedAt,
          );
        }
      }
      if (journal.length > 0) {
        const name = folder.place(journalFileName, undefined, true);
        if (name !== null) addRegioned(folder, name, journalRegions(journal, exportedAt), exportedAt);
      }
      return yield* folder.commitSteps((done) => onProgress?.(done, total));

      /** A batch whose names are all free, rendered and written by the worker; its index entries filled in as it comes back. */
      function sendToShare(
        worker: BackgroundFileWriter,
        articles: readonly ExportArticle[],
        names: ReadonlyMap<number, string>,
      ): void {
        const at = entries.length;
        entries.length += articles.length;
        const files = articles.map((a) => {
          const file = path.join(outDir, names.get(a.id)!);
          return { article: a.id, temporary: temporaryNameFor(file), file };
        });
        const done = worker.render(files);
        files.forEach((f, k) => {
          const name = names.get(f.article)!;
          linkTargets.set(f.article, name.replace(/\.md$/, ''));
          folder.stageWrittenElsewhere(
            name,
            f.temporary,
            done.then((results) => results[k]?.hash ?? null),
          );
        });
        const back = done.then(
          (results) => {
            results.forEach((r, k) => {
              const article = articles[k]!;
              if (r === null) {
                // Nothing annotated after all (the article list said otherwise): no file, and the report says so.
                unannotated.push({ articleId: article.id, title: article.title });
                linkTargets.delete(article.id);
                return;
              }
              entries[at + k] = { article, highlights: r.highlights, notes: r.notes };
              rendered++;
            });
            // Said as soon as it is back: the main thread may be rendering a batch of its own.
            onProgress?.(rendered, Math.max(total, rendered), 'rendering');
          },
          () => undefined,
        );
        sent.add(back);
        void back.then(() => sent.delete(back));
      }
    }
  } finally {
    source.close();
    endShare();
  }
}

/** Batches of the library read (or sent to the worker) at a time while the worker renders a share: small, so neither thread waits long for the other at the end. */
const shareBatchArticles = 250;
/** The worker's batches waiting at once: one being rendered, one next. */
const shareSlots = 2;
/**
 * While the worker's slots are full, this thread renders a fifth of a batch at a time: a whole
 * batch here took longer than the worker's two, and the worker stood idle (10 of the 66 s of an
 * export of 1,000,000 highlights).
 */
const ownShareParts = 5;
/**
 * How long, after this thread's snapshot began, the library's writes may be held off while the
 * worker's begins (the worker may still be starting); after that the export renders on one thread.
 */
const shareBeginMs = 3_000;

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
