import type { TagDescription } from '../../../preload/contract/codebookTypes';
import type { BackupImportCounts } from '../../../preload/contract/api';
import type { Db } from '../store/openDatabase';
import { addTagDescription } from './tagDescriptions';

/**
 * A backup's description of a tag the library has: added when the library's tag has none, so a
 * merge never overwrites the person's own definition (a restore starts from an empty library,
 * where every description is added).
 */
export function importBackupDescription(
  db: Db,
  tagId: number,
  description: TagDescription,
  counts: BackupImportCounts,
): void {
  if (addTagDescription(db, tagId, description)) counts.tagDescriptionsAdded++;
}
