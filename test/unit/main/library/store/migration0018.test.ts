import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../../preload/contract/api';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { bodyParagraphs, openSeededLibrary, type SeededLibrary } from '../../../../support/seededLibrary';
import { expectIndexInStep } from '../../../../support/searchIndexInStep';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * Issue #16: one-character queries read a character index (migration 0018) instead of FTS5's
 * prefix query on the bigram index. A library written before it is carried over: after the
 * migration every one-character query finds exactly the rows the prefix query found, and the
 * character index stays in step with later writes, an import's deferred indexing included.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

/** Turns a library of this version back into one of schema 17: no character index, 0004's insert trigger. */
function asSchema17(file: string): void {
  const db = new Database(file);
  undoMigrationsAfter(db, 17);
  db.pragma('user_version = 17');
  db.close();
}

const characters = ['警', '晉', '的', '国', '记', '笔'];
const everywhere = '{heading body weak hidden note}';
const rowidOf = (h: SearchHit) =>
  h.kind === 'comment' ? -(h.highlightId ?? 0) : h.kind === 'note' ? h.paragraphId * 2 + 1 : h.paragraphId * 2;

describe('migration 0018: a character index for one-character queries', () => {
  it('carries a schema-17 library over: each one-character query finds what the prefix query found', async () => {
    const { library } = seeded;
    for (const summary of library.listArticles()) {
      const [p] = bodyParagraphs(library.getArticle(summary.id), 10);
      if (!p) continue;
      const h = library.annotations.createHighlight({
        paragraphId: p.id,
        start: 1,
        end: 4,
        color: 'yellow',
        tags: ['要点'],
      });
      library.annotations.updateHighlightComment(h.id, '警方的说法');
      library.annotations.saveNote({
        paragraphId: p.id,
        editorState: '{}',
        plainText: '笔记:晉江',
        markdown: '笔记:晉江',
      });
    }
    library.close();
    asSchema17(seeded.dbPath);

    const old = new Database(seeded.dbPath, { readonly: true });
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_characters'").pluck().get()).toBe(0);
    const prefixFinds = (c: string) =>
      old
        .prepare(`SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid`)
        .pluck()
        .all(`${everywhere} : ("${c}"*)`) as number[];
    const before = new Map(characters.map((c) => [c, prefixFinds(c === '晉' ? '晋' : c)]));
    old.close();

    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir: path.join(seeded.dir, 'backups') });
    const migrated = seeded.library;
    expect(migrated.database().pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(path.join(seeded.dir, 'backups')).some((f) => f.includes('before-migration-17-to'))).toBe(
      true,
    );
    expectIndexInStep(migrated.database());
    for (const c of characters) {
      const found = migrated.search.find(c, { includeHidden: true, limit: 500 }).hits.map(rowidOf);
      expect(new Set(found), c).toEqual(new Set(before.get(c)));
      expect(found.length, c).toBeGreaterThan(0);
    }

    // An import after the migration indexes its characters too (the insert trigger lifted for the batch).
    const { articleId } = migrated.importText('鼋鼍蛟龙,鱼鳖生焉。\n\n第二段。', '鼋鼍');
    expect(migrated.search.find('鼍').hits.map((h) => h.articleId)).toEqual([articleId]);
    expectIndexInStep(migrated.database());
  });
});
