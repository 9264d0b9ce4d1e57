import type { Db } from './openDatabase';

/**
 * Free pages (issue #16). SQLite keeps the pages a write frees inside the file, for later writes:
 * the search index's segment merges free most of what they rewrite, and after the bench's
 * annotations a sixth of a library file was free pages. With auto-vacuum FULL every commit
 * gives them back to the file system; measured on 1,000 articles, import and article reads took
 * no longer. A new library is made so (openDatabase); an existing one can only be switched by
 * rewriting it (VACUUM), which compactAfterMigration does once.
 */
export const libraryAutoVacuum = 'FULL';

/**
 * Libraries older than this get the one rewrite: 0014 and 0015 free about a third of their file;
 * 0027 and 0028 leave the article and paragraph pages mostly empty (on the 10,000-article bench
 * library 35 of the article table's 39 MB), which only a rewrite gives back; so does 0034 the
 * highlight table's pages (17.6 of its 33 MB unused on that library until rewritten), and 0037
 * the paragraph table's (4.4 of its 63 MB) and the band index's.
 */
export const compactedSchemaVersion = 37;

/**
 * Rewrites a library migrated from before compactedSchemaVersion without its free pages, with
 * auto-vacuum on from then on. Runs after the migration's commit (VACUUM cannot run inside a
 * transaction), and after the backup openDatabase made before it. VACUUM is one transaction:
 * one that fails (a disk too full for the copy it writes) leaves the library as it was, still
 * correct, its free pages reused by later writes; so a failure is not an error, and it is tried
 * again at no later open.
 */
export function compactAfterMigration(db: Db, previousVersion: number): void {
  if (previousVersion === 0 || previousVersion >= compactedSchemaVersion) return;
  try {
    db.pragma(`auto_vacuum = ${libraryAutoVacuum}`);
    db.exec('VACUUM');
  } catch {
    // As above: the library is unchanged and correct.
  }
}
