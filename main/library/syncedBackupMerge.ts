import type { BackupImportCounts } from '../../preload/contract/api';
import type { Backup } from './export/backupFormat';
import type { exportOperations } from './export/exportOperations';
import { requireAbsolutePath } from './files/writeTextFile';
import { findArticleByHash } from './store/articles';
import type { Db } from './store/openDatabase';
import type { SyncModel } from './sync/model/syncModel';

type Exports = ReturnType<typeof exportOperations>;

/**
 * The backup merge as the library offers it (the app's merge, `pizhu import-backup`): it writes
 * outside the undo journal, so what it added is written into the sync documents in the same
 * transaction (SyncModel.merged), or another device would never receive it. All or nothing still.
 */
export function syncedBackupMerge(db: Db, exports: Exports, sync: SyncModel) {
  return (source: string | Backup): BackupImportCounts => {
    // Read once (and checked) here: the articles it touched are found by the hashes it holds.
    const backup = typeof source === 'string' ? exports.readBackup(requireAbsolutePath(source, 'backup file')) : source;
    const idOf = (hash: string) => findArticleByHash(db, hash)?.id;
    let before: Array<number | undefined> = [];
    return sync.merged(
      (articleStored) => {
        before = backup.articles.map((a) => idOf(a.contentHash));
        return exports.importBackup(backup, articleStored);
      },
      () => {
        const stored: number[] = [];
        const changed: number[] = [];
        backup.articles.forEach((a, i) => {
          const id = idOf(a.contentHash);
          if (id === undefined) return;
          (before[i] === undefined ? stored : changed).push(id);
        });
        return { stored, changed };
      },
    );
  };
}
