import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../../main/library/store/migrations';

describe('migrations', () => {
  it('are numbered 1..n with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001 creates the data model of DESIGN §2', () => {
    const db = new Database(':memory:');
    db.exec(migrations[0]!.up);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(['article', 'highlight', 'highlight_tag', 'journal', 'note', 'paragraph', 'paragraph_tag', 'tag']);
  });

  it('0001: tag names are unique whatever their case', () => {
    const db = new Database(':memory:');
    db.exec(migrations[0]!.up);
    db.prepare("INSERT INTO tag (name, created_at) VALUES ('Policing/Community', 'now')").run();
    expect(() => db.prepare("INSERT INTO tag (name, created_at) VALUES ('policing/community', 'now')").run()).toThrow(/UNIQUE/);
  });

  it('0001: a paragraph carrying a note cannot be deleted out from under it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec(migrations[0]!.up);
    db.prepare(
      "INSERT INTO article (id, content_hash, format, encoding, raw_text, title, script, imported_at) VALUES (1, 'h', 'txt', 'utf-8', 'x', 't', 'simplified', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO paragraph (id, article_id, ord, kind, text, raw, folded, text_hash) VALUES (1, 1, 0, 'body', 'x', 'x', 'x', 'h')",
    ).run();
    db.prepare("INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (1, '{}', 'n', 'n', 'now')").run();
    expect(() => db.prepare('DELETE FROM paragraph WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  });

  it('lookups by paragraph and by tag use their indexes', () => {
    const db = new Database(':memory:');
    db.exec(migrations[0]!.up);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan('SELECT * FROM highlight WHERE paragraph_id = 1')).toMatch(/USING INDEX highlight_by_paragraph/);
    expect(plan('SELECT * FROM highlight_tag WHERE tag_id = 1')).toMatch(/USING (COVERING )?INDEX highlight_tag_by_tag/);
    expect(plan('SELECT * FROM paragraph WHERE article_id = 1 ORDER BY ord')).toMatch(/USING INDEX sqlite_autoindex_paragraph_1/);
  });
});
