import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../main/library/createLibrary';
import { latestSchemaVersion } from '../../../../../main/library/store/migrations';
import { highlightColumnsSql } from '../../../../../main/library/store/highlightContext';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { openAsSchema } from './searchMigrationCase';

/**
 * Issue #16: migration 0034 keeps a placed highlight's quote, prefix and suffix only where they
 * differ from what its paragraph's text says there. A schema-33 library (every value written out)
 * is carried over, backed up, with every value reading back as it was, a value the text does not
 * give (context from another copy of the text, an orphan's quote) kept as written, and the
 * highlight table smaller once the file is rewritten.
 */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

interface Anchor {
  id: number;
  quote: string;
  prefix: string;
  suffix: string;
}

describe('migration 0034: highlight context from the text', () => {
  it('carries a schema-33 library over with every quote and context reading back as stored, and stores less', async () => {
    const { library } = seeded;
    for (const prefix of ['001', '002', '003']) {
      const paragraphs = bodyParagraphs(seedArticle(library, prefix), 20);
      for (const p of paragraphs) {
        library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 6, color: 'yellow', tags: ['甲'] });
        library.annotations.createHighlight({ paragraphId: p.id, start: 10, end: p.text.length, color: 'blue' });
      }
    }
    library.close();

    const old = openAsSchema(seeded.dbPath, 33);
    expect(old.prepare("SELECT count(*) FROM highlight WHERE typeof(quote) = 'blob'").pluck().get()).toBe(0);
    // What the text does not say: context written against another copy of the text (a backup
    // imported where its paragraph differed), and an orphan, whose paragraph is gone.
    const [other, orphan] = old.prepare('SELECT id FROM highlight ORDER BY id LIMIT 2').pluck().all() as number[];
    old.prepare("UPDATE highlight SET prefix = '另一个版本的上文' WHERE id = ?").run(other);
    old.prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?').run(orphan);
    const before = old.prepare('SELECT id, quote, prefix, suffix FROM highlight ORDER BY id').all() as Anchor[];
    const bytesBefore = old.prepare('SELECT sum(length(quote) + length(prefix) + length(suffix)) FROM highlight').pluck().get() as number;
    old.close();
    expect(before.length).toBeGreaterThan(20);

    const backupDir = path.join(seeded.dir, 'backups');
    seeded.library = await createLibrary({ dbPath: seeded.dbPath, backupDir });
    const db = seeded.library.database();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(fs.readdirSync(backupDir).some((f) => f.includes('before-migration-33-to'))).toBe(true);

    const read = db.prepare(`SELECT id, ${highlightColumnsSql(['quote', 'prefix', 'suffix'])} FROM highlight ORDER BY id`).all();
    expect(read).toEqual(before);
    const stored = (id: number) =>
      db.prepare('SELECT typeof(quote) AS quote, typeof(prefix) AS prefix, typeof(suffix) AS suffix FROM highlight WHERE id = ?').get(id);
    expect(stored(other!)).toEqual({ quote: 'blob', prefix: 'text', suffix: 'blob' });
    expect(stored(orphan!)).toEqual({ quote: 'text', prefix: 'text', suffix: 'text' });
    const fromText = db.prepare("SELECT count(*) FROM highlight WHERE typeof(quote) = 'blob'").pluck().get() as number;
    expect(fromText).toBe(before.length - 1);
    const bytesAfter = db.prepare('SELECT sum(length(quote) + length(prefix) + length(suffix)) FROM highlight').pluck().get() as number;
    expect(bytesAfter).toBeLessThan(bytesBefore / 10);

    // What a person reads: every highlight of every article, as stored before.
    const byId = new Map(before.map((a) => [a.id, a]));
    for (const article of seeded.library.listArticles()) {
      for (const h of seeded.library.getArticle(article.id).highlights) {
        expect({ id: h.id, quote: h.quote, prefix: h.prefix, suffix: h.suffix }).toEqual(byId.get(h.id));
      }
    }
    expect(seeded.library.verify().damaged).toEqual([]);
  });
});
