import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMarkdownReport, exportMarkdownSteps } from '../../../../../main/library/export/exportMarkdown';
import { manifestName } from '../../../../../main/library/export/exportManifest';
import { runStepsAsync } from '../../../../../main/library/export/steppedWork';
import { startExportWorkerFromSource } from '../../../../support/exportWorkerFromSource';
import { bodyParagraphs, importSeedCopies } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

/**
 * Issue #16: a library export renders on two threads, the export worker taking batches of
 * articles it reads from a snapshot of its own (renderShare). The files must be the bytes one
 * thread writes, whichever thread rendered them, and both threads must see the library as it
 * was when the export began, however the app writes meanwhile.
 */
let lib: AnnotatedLibrary;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  const { library } = lib;
  importSeedCopies(library, 12);
  // Each copy highlighted, tagged and noted: a dozen more files to share out.
  const copies = library.database().prepare("SELECT id FROM article WHERE title LIKE '副本 %' ORDER BY id").pluck().all() as number[];
  for (const [i, id] of copies.entries()) {
    const [first, second] = bodyParagraphs(library.getArticle(id));
    library.annotations.createHighlight({ paragraphId: first!.id, start: 1, end: 6 + (i % 4), color: 'yellow', tags: [`组/${i % 3}`] });
    if (i % 2 === 0) library.annotations.tagParagraph(second!.id, '方法');
  }
}, 120_000);
afterEach(() => lib.dispose());

const exportedAt = '2026-12-07T10:00:00.000Z';

/** The folder's Markdown files, name to bytes. */
function markdownFiles(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]),
  );
}

/** The export worker, counting the batches it was given to render; `beforeFirst` runs as the first is sent. */
function countingWorker(beforeFirst: () => void = () => undefined) {
  const counted = { batches: 0, files: 0 };
  const start = (): Worker => {
    const worker = startExportWorkerFromSource();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: { op?: string; files?: unknown[] }) => {
      if (message.op === 'render') {
        if (counted.batches === 0) beforeFirst();
        counted.batches++;
        counted.files += message.files?.length ?? 0;
      }
      post(message);
    };
    return worker;
  };
  return { start, counted };
}

describe('a library export rendered by two threads', () => {
  it('writes, whichever thread rendered a file, the bytes and report of the export on one thread', async () => {
    const db = lib.library.database();
    const one = exportMarkdownReport(db, { scope: 'library', outDir: path.join(lib.dir, 'one') }, exportedAt);
    const { start, counted } = countingWorker();
    const progress: number[] = [];
    const two = await runStepsAsync(
      exportMarkdownSteps(
        db,
        { scope: 'library', outDir: path.join(lib.dir, 'two') },
        exportedAt,
        (done) => progress.push(done),
        start,
        2,
      ),
    );
    expect(counted.batches).toBeGreaterThan(0);
    expect(two.files.map((f) => path.basename(f))).toEqual(one.files.map((f) => path.basename(f)));
    expect(two.unannotated).toEqual(one.unannotated);
    expect(two.kept).toEqual([]);
    const written = markdownFiles(path.join(lib.dir, 'two'));
    expect(Object.keys(written).length).toBeGreaterThan(12);
    expect(written).toEqual(markdownFiles(path.join(lib.dir, 'one')));
    // No temporary left; the manifest names every file with its own bytes' hash, as one thread's does.
    expect(fs.readdirSync(path.join(lib.dir, 'two')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const manifest = (folder: string) => JSON.parse(fs.readFileSync(path.join(lib.dir, folder, manifestName), 'utf8')) as unknown;
    expect(manifest('two')).toEqual(manifest('one'));
    expect(progress.length).toBeGreaterThan(0);
  });

  it('sees, on both threads, the library as it was when it began while the app writes meanwhile', async () => {
    const { library } = lib;
    const db = library.database();
    const before = exportMarkdownReport(db, { scope: 'library', outDir: path.join(lib.dir, 'before') }, exportedAt);
    const articles = db.prepare("SELECT id FROM article WHERE title LIKE '副本 %' ORDER BY id").pluck().all() as number[];
    let wrote = false;
    // As the worker is given its first article, every copy gets a second highlight and one goes
    // to the trash: the files neither thread has rendered yet (all but one) must not show it.
    const { start, counted } = countingWorker(() => {
      wrote = true;
      for (const id of articles) {
        const [first] = bodyParagraphs(library.getArticle(id));
        library.annotations.createHighlight({ paragraphId: first!.id, start: 20, end: 24, color: 'pink', tags: ['后来'] });
      }
      library.trashArticle(articles[0]!);
    });
    const during = await runStepsAsync(
      exportMarkdownSteps(db, { scope: 'library', outDir: path.join(lib.dir, 'during') }, exportedAt, undefined, start, 1),
    );
    expect(wrote).toBe(true);
    expect(counted.files).toBeGreaterThan(0);
    expect(during.files.map((f) => path.basename(f))).toEqual(before.files.map((f) => path.basename(f)));
    expect(markdownFiles(path.join(lib.dir, 'during'))).toEqual(markdownFiles(path.join(lib.dir, 'before')));
    // The writes made meanwhile are the library's, and the next export has them.
    const after = await runStepsAsync(
      exportMarkdownSteps(db, { scope: 'library', outDir: path.join(lib.dir, 'after') }, exportedAt, undefined, startExportWorkerFromSource, 1),
    );
    const texts = after.files.map((f) => fs.readFileSync(f, 'utf8'));
    expect(texts.filter((t) => t.includes('#后来')).length).toBe(articles.length - 1);
    expect(texts.some((t) => t.includes(`pizhu://article/${articles[0]!}\n`))).toBe(false);
  });
});
