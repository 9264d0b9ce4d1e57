import Database from 'better-sqlite3';
import type { SearchResult } from '../../../../../preload/contract/api';
import type { Library } from '../../../../../main/library/createLibrary';
import { searchLibrary } from '../../../../../main/library/search/searchLibrary';
import { registerSearchFunctions } from '../../../../../main/library/search/searchFunctions';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { bodyParagraphs } from '../../../../support/seededLibrary';
import { undoMigrationsAfter } from '../../../../support/undoLaterMigrations';

/**
 * What the tests of the migrations that rebuild a search index (0024, 0025) share: a seeded
 * library given comments, notes and a tag to find; the library file turned back into schema
 * `version`; and every query searched every way, to compare before and after.
 */

/** A tagged highlight with a comment and a note in each seeded article. */
export function annotateForSearch(library: Library): void {
  for (const summary of library.listArticles()) {
    const [p, q] = bodyParagraphs(library.getArticle(summary.id), 10);
    if (!p || !q) continue;
    const h = library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: 4, color: 'yellow', tags: ['要点'] });
    library.annotations.updateHighlightComment(h.id, '警方的说法,晋江公安');
    library.annotations.saveNote({ paragraphId: q.id, editorState: '{}', plainText: '笔记:晉江 Pizhu', markdown: 'x' });
  }
}

/** The library file as schema `version` had it, open (with the search functions its triggers call) to check and search. */
export function openAsSchema(dbPath: string, version: number): Db {
  const db = new Database(dbPath);
  registerSearchFunctions(db);
  registerChecksumFunction(db);
  undoMigrationsAfter(db, version);
  db.pragma(`user_version = ${version}`);
  return db;
}

const filters = [{ includeHidden: true }, {}, { tag: '要点' }];

/** Every query with every filter, each as a whole page (500) with its exact count, and its first page of 5. */
export function searchEveryWay(db: Db, queries: readonly string[]): SearchResult[] {
  return queries.flatMap((q) =>
    filters.flatMap((o) => [
      searchLibrary(db, q, { ...o, limit: 500, exactTotal: true }),
      searchLibrary(db, q, { ...o, limit: 5 }),
    ]),
  );
}
