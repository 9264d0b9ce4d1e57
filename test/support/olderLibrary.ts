import Database from 'better-sqlite3';
import { registerSearchFunctions } from '../../main/library/search/searchFunctions';
import { migration0001 } from '../../main/library/store/migrations/0001-initial';
import { migration0002 } from '../../main/library/store/migrations/0002-search-index';
import { migration0003 } from '../../main/library/store/migrations/0003-search-index-buffer';

/**
 * A library as an older Pizhu wrote it, at schema `version`: an article in traditional script
 * (title, body, boilerplate footer) and a note, for the migration tests.
 */
export function writeOlderLibrary(file: string, version: 1 | 2 | 3): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  registerSearchFunctions(db);
  db.exec(migration0001.up);
  if (version >= 2) db.exec(migration0002.up);
  if (version >= 3) db.exec(migration0003.up);
  db.prepare(
    `INSERT INTO article (id, content_hash, format, encoding, raw_text, title, script, imported_at)
     VALUES (1, 'hash', 'txt', 'utf-8', 'raw', '晉江出入境', 'traditional', '2026-01-01T00:00:00.000Z')`,
  ).run();
  const paragraph = db.prepare(
    "INSERT INTO paragraph (id, article_id, ord, kind, text, raw, folded, text_hash) VALUES (?, 1, ?, ?, ?, ?, '', 'h')",
  );
  paragraph.run(1, 0, 'title', '晉江出入境', '晉江出入境');
  paragraph.run(2, 1, 'body', '出入境管理大隊為晉江市民辦理業務。', '出入境管理大隊為晉江市民辦理業務。');
  paragraph.run(3, 2, 'boilerplate', '版權所有 晉江網', '版權所有 晉江網');
  db.prepare(
    "INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (2, '{}', '記得核對髮型照片', 'x', 'now')",
  ).run();
  db.pragma(`user_version = ${version}`);
  db.close();
}
