import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { exportSession } from '../../../../../main/app/exportSession';
import { LibraryError } from '../../../../../main/library/libraryError';

/**
 * Issue #16: an export of the whole library (100,000 files at --large) ran in one go, so the
 * app's main process answered nothing, the export dialog's progress included, until it ended.
 * In steps it pauses every few files: main answers meanwhile, and writes exactly what it did.
 */
let dir: string;
let library: Library;
// More than one step (200 files) of rendering and of writing.
const count = 260;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-steps-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite'), now: () => new Date('2026-12-06T10:00:00.000Z') });
  const db = library.database();
  // Set-up, not the path under test: many small annotated articles, written in one go.
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const outcome = library.importText(`第${i}篇的第一段,讲一件事。\n\n第二段,再讲一件事。`, `文章 ${i}`);
      const paragraph = library.getArticle(outcome.articleId!).paragraphs.find((p) => p.kind === 'body')!;
      library.annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 3, color: 'yellow' });
    }
  })();
}, 60_000);
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const read = (folder: string) =>
  Object.fromEntries(
    fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f, fs.readFileSync(path.join(folder, f), 'utf8')]),
  );

describe('exportMarkdownInSteps', () => {
  it('lets main answer between steps, reports rendering then writing, and writes what the export in one go writes', { timeout: 60_000 }, async () => {
    const heard: Array<{ done: number; total: number; rendering: boolean }> = [];
    let answeredMeanwhile = 0;
    // Something else main is asked while the export runs (the dialog's progress, a page of the list).
    const other = setInterval(() => {
      library.listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 10 });
      answeredMeanwhile++;
    }, 0);
    const stepped = await library.exportMarkdownInSteps({ scope: 'library', outDir: path.join(dir, 'stepped') }, (done, total, phase) =>
      heard.push({ done, total, rendering: phase === 'rendering' }),
    );
    const answeredInSteps = answeredMeanwhile;
    answeredMeanwhile = 0;
    const atOnce = library.exportMarkdown({ scope: 'library', outDir: path.join(dir, 'at-once') });
    clearInterval(other);

    // In one go nothing else was answered until it ended; in steps, between them.
    expect(answeredInSteps).toBeGreaterThan(0);
    expect(answeredMeanwhile).toBe(0);
    expect(stepped.files).toHaveLength(count + 1);
    expect(heard.some((p) => p.rendering)).toBe(true);
    expect(heard[heard.length - 1]).toEqual({ done: count + 1, total: count + 1, rendering: false });
    const strip = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replace(/exported_at: .*/g, '')]));
    expect(strip(read(path.join(dir, 'stepped')))).toEqual(strip(read(path.join(dir, 'at-once'))));
    expect(atOnce.files).toHaveLength(count + 1);
  });

  it('runs one export at a time in a window and says how far it is meanwhile', { timeout: 60_000 }, async () => {
    const session = exportSession();
    expect(session.progress()).toBeNull();
    const seen: unknown[] = [];
    const first = session.run((onProgress) =>
      library.exportMarkdownInSteps({ scope: 'library', outDir: path.join(dir, 'one') }, (done, total, phase) => {
        onProgress(done, total, phase);
        seen.push(session.progress());
      }),
    );
    await expect(session.run(() => Promise.resolve(null))).rejects.toMatchObject({ code: 'export-running' });
    await expect(session.run(() => Promise.resolve(null))).rejects.toBeInstanceOf(LibraryError);
    await first;
    expect(seen).toContainEqual({ done: count + 1, total: count + 1, rendering: false });
    expect(session.progress()).toBeNull();
  });
});
