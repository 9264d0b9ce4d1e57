import type { BackupImportCounts } from '../../../preload/contract/api';
import { overrideModes } from '../../../preload/contract/termOverrideTypes';
import type { BackupTermOverride } from '../export/backupFormat';
import type { Db } from '../store/openDatabase';
import { checkRule, modesOf, modesOverlap, modesText } from './overrideRules';
import { listTermOverrides } from './termOverrides';

/** The term overrides in a JSON backup (version 5), without ids, by source then id as the list shows them. */
export function readBackupOverrides(db: Db): BackupTermOverride[] {
  return listTermOverrides(db).map((o) => ({
    source: o.source,
    target: o.target,
    // As stored: never 'original' (the library refuses it), in overrideModes order.
    modes: overrideModes.filter((mode) => o.modes.includes(mode)),
    createdAt: o.createdAt,
  }));
}

/**
 * Adds the backup's overrides the library lacks. Where the library already reads a source in
 * one of the modes, its own override is kept (a merge never overwrites what the person has);
 * an entry the library could not hold (an empty or unknown mode) is left out.
 */
export function importBackupOverrides(
  db: Db,
  entries: readonly BackupTermOverride[],
  counts: BackupImportCounts,
): void {
  const ofSource = db.prepare('SELECT modes FROM term_override WHERE source = ?');
  const insert = db.prepare('INSERT INTO term_override (source, target, modes, created_at) VALUES (?, ?, ?, ?)');
  for (const entry of entries) {
    const check = checkRule(entry.source, entry.target, entry.modes);
    if (!check.ok) continue;
    const { rule } = check;
    const taken = (ofSource.all(rule.source) as Array<{ modes: string }>).some((row) =>
      modesOverlap(modesOf(row.modes), rule.modes),
    );
    if (taken) continue;
    insert.run(rule.source, rule.target, modesText(rule.modes), entry.createdAt);
    counts.termOverridesAdded++;
  }
}
