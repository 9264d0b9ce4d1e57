import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointIntervalMs } from '../../../../../main/library/store/walCheckpoints';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** The main library file alone, as left when a crash is followed by deleting the -wal. */
function notesInMainFileOnly(): string[] {
  const copy = path.join(seeded.dir, `main-only-${Date.now()}.sqlite`);
  fs.copyFileSync(seeded.dbPath, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT plain_text FROM note ORDER BY paragraph_id').all() as Array<{ plain_text: string }>).map(
      (r) => r.plain_text,
    );
  } finally {
    db.close();
  }
}

describe('acknowledged writes reach the main file soon after', () => {
  it('a saved note is in the main file within about a second, so losing the -wal after a crash loses no older save', async () => {
    const [p, q] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    annotations.saveNote({ paragraphId: p!.id, editorState: '{}', plainText: '第一条', markdown: '第一条' });
    await new Promise((resolve) => setTimeout(resolve, checkpointIntervalMs * 2 + 200));
    expect(notesInMainFileOnly()).toEqual(['第一条']);
    annotations.saveNote({ paragraphId: q!.id, editorState: '{}', plainText: '第二条', markdown: '第二条' });
    annotations.saveNote({ paragraphId: p!.id, editorState: '{}', plainText: '第一条,改过', markdown: 'x' });
    await new Promise((resolve) => setTimeout(resolve, checkpointIntervalMs * 2 + 200));
    expect(notesInMainFileOnly()).toEqual(['第一条,改过', '第二条']);
  });
});
