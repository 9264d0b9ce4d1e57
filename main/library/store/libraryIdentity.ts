import type { Db } from './openDatabase';

/**
 * The library's own random identity (migration 0007), which travels with the file when it is
 * moved, copied or restored; undefined for a file whose row is missing.
 */
export function readLibraryId(db: Db): string | undefined {
  const row = db.prepare('SELECT id FROM library_meta LIMIT 1').get() as { id: string } | undefined;
  return row?.id;
}
