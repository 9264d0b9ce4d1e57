import { uuid } from './0026-sync-model';
import type { Migration } from './migration';

/** A global id for each row, given to old rows here and to new ones by a trigger (as migration 0026 did for highlights). */
const uidFor = (table: string) => `
    ALTER TABLE ${table} ADD COLUMN uid TEXT;
    UPDATE ${table} SET uid = ${uuid};
    CREATE UNIQUE INDEX ${table}_by_uid ON ${table} (uid);
    CREATE TRIGGER ${table}_uid AFTER INSERT ON ${table} WHEN new.uid IS NULL BEGIN
      UPDATE ${table} SET uid = ${uuid} WHERE id = new.id;
    END;`;

/**
 * Sync (#19): a translator's term overrides and a learner's vocabulary follow the person to
 * their other computers, so each row gets a uid that is the same on every device (their rowids
 * are not). The journal carries it, so an undo puts back the same uid. The stop-word list is one
 * row and a paragraph is named by its article and position: neither needs one.
 */
export const migration0031: Migration = {
  version: 31,
  name: 'term overrides and vocabulary get uids',
  up: `
    ${uidFor('term_override')}
    ${uidFor('vocabulary')}
  `,
};
