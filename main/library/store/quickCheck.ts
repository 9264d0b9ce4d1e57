import Database from 'better-sqlite3';

/**
 * SQLite's quick_check of a library file on a read-only connection of its own: null when the
 * file is whole, else what SQLite found (its first three problems). Run in a worker thread at start
 * (quickCheckEntry), so a large library's check keeps main answering.
 */
export function quickCheckFile(filePath: string): string | null {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(filePath, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('quick_check(3)', { simple: false }) as Array<{ quick_check: string }>;
    const found = rows.flatMap((row) => row.quick_check.split('\n')).slice(0, 3);
    return found.length === 1 && found[0] === 'ok' ? null : found.join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    probe?.close();
  }
}
