import type { Migration } from './migration';

/**
 * A highlight made over several paragraphs is stored as one highlight per paragraph sharing a
 * group id (random text, so a backup carries it without renumbering). Null: a highlight alone.
 * The members are coloured, tagged and deleted together; export quotes them as one passage.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'highlight groups',
  up: `
    ALTER TABLE highlight ADD COLUMN group_id TEXT CHECK (group_id IS NULL OR length(group_id) > 0);
    CREATE INDEX highlight_by_group ON highlight (group_id) WHERE group_id IS NOT NULL;
  `,
};
