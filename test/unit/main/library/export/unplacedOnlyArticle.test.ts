import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMarkdownReport, exportMarkdownSteps } from '../../../../../main/library/export/exportMarkdown';
import { runStepsAsync } from '../../../../../main/library/export/steppedWork';
import { startExportWorkerFromSource } from '../../../../support/exportWorkerFromSource';
import { importSeedCopies } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

/**
 * Issue #19 with #16's batches: an article whose only annotation is a note made on another
 * device's split of the text (unplaced here) gets its file in a library export, on one thread
 * and when the export worker renders a share. It was left out as having nothing annotated: the
 * export's list of annotated articles did not look at unplaced notes.
 */
let lib: AnnotatedLibrary;
let lonely: number;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  importSeedCopies(lib.library, 6);
  const db = lib.library.database();
  lonely = db.prepare("SELECT id FROM article WHERE title = '副本 3'").pluck().get() as number;
  db.prepare(
    `INSERT INTO unplaced_annotation (article_id, entry, kind, tag_id, plain_text, markdown, made_by, updated_at)
     VALUES (?, 'entry-1', 'note', NULL, '老街的记忆', '老街的记忆', 'member-lin', '2026-12-07T09:00:00.000Z')`,
  ).run(lonely);
}, 120_000);
afterEach(() => lib.dispose());

const exportedAt = '2026-12-07T10:00:00.000Z';

describe('an article annotated only by an unplaced note', () => {
  it('is exported with its note by a library export, on one thread and on two', async () => {
    const db = lib.library.database();
    const one = exportMarkdownReport(db, { scope: 'library', outDir: path.join(lib.dir, 'one') }, exportedAt);
    const two = await runStepsAsync(
      exportMarkdownSteps(
        db,
        { scope: 'library', outDir: path.join(lib.dir, 'two') },
        exportedAt,
        undefined,
        startExportWorkerFromSource,
        2,
      ),
    );
    for (const report of [one, two]) {
      expect(report.unannotated.map((u) => u.articleId)).not.toContain(lonely);
      const file = report.files.find((f) => path.basename(f).startsWith('副本 3'));
      expect(file, 'the article with only an unplaced note has its file').toBeDefined();
      expect(fs.readFileSync(file!, 'utf8')).toContain('老街的记忆');
    }
  });
});
