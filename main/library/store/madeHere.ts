/**
 * Who made a highlight or a tag assignment (migration 0029: a member uid, 36 characters) is, in a
 * library, nearly always the person the library belongs to (issue #16: on the 10,000-article bench
 * library 3.6 MB for the 100,000 highlights, 1.8 MB for 50,000 tags on them). Migration 0038 stores
 * this library's own member (sync_state.member_uid) as the zero-length blob x'' ("made here") in
 * highlight.made_by, 0039 in the tag assignments', as 0034 stores a highlight's context "as the
 * text says": no writer writes a blob, so a uid written is kept as written unless it is the
 * member's own. Triggers keep it exact: a new or updated maker that is the member's own becomes
 * x''; a change of the member's uid first writes the old one out in full. Every reader reads these
 * columns through madeBySql or madeByValueSql (store/highlightContext's highlightColumnSql does).
 * Notes and memos (a few hundred KB) keep their makers written out.
 */

/** The member uid of this library, as SQL (one row; evaluated once per statement). */
const memberUid = '(SELECT member_uid FROM sync_state)';

/** A maker column as SQL, named as itself: x'' read as this library's member uid. `row` is the table or its alias. */
export function madeBySql(row: string, column = 'made_by'): string {
  return `${madeByValueSql(row, column)} AS ${column}`;
}

/** The same value, unnamed (for an expression or a name of the caller's). */
export function madeByValueSql(row: string, column = 'made_by'): string {
  return `iif(typeof(${row}.${column}) = 'blob', ${memberUid}, ${row}.${column})`;
}

/** The tables whose makers are stored so since migration 0039, by their key columns (0038: highlight). */
export const tagAssignmentKeys = {
  highlight_tag: ['highlight_id', 'tag_id'],
  paragraph_tag: ['paragraph_id', 'tag_id'],
} as const;

/** As highlightsMadeHere, for the tag assignments (migration 0039): 50,000 of the bench library's, 1.8 MB. */
export const tagAssignmentsMadeHere = `
    ${Object.entries(tagAssignmentKeys)
      .map(([table, key]) => {
        const row = key.map((c) => `${c} = new.${c}`).join(' AND ');
        return `
    UPDATE ${table} SET made_by = x'' WHERE made_by = ${memberUid};
    DROP TRIGGER ${table}_made_by;
    CREATE TRIGGER ${table}_made_by AFTER INSERT ON ${table}
      WHEN new.made_by IS NULL OR new.made_by = ${memberUid}
    BEGIN
      UPDATE ${table} SET made_by = iif(${memberUid} IS NULL, NULL, x'') WHERE ${row};
    END;
    CREATE TRIGGER ${table}_made_by_here AFTER UPDATE OF made_by ON ${table}
      WHEN new.made_by = ${memberUid}
    BEGIN
      UPDATE ${table} SET made_by = x'' WHERE ${row};
    END;`;
      })
      .join('\n')}

    DROP TRIGGER member_uid_writes_out_makers;
    CREATE TRIGGER member_uid_writes_out_makers AFTER UPDATE OF member_uid ON sync_state
      WHEN old.member_uid IS NOT new.member_uid
    BEGIN
      ${['highlight', ...Object.keys(tagAssignmentKeys)].map((t) => `UPDATE ${t} SET made_by = old.member_uid WHERE typeof(made_by) = 'blob';`).join('\n      ')}
    END;`;

/** Every highlight made here stored as x'', and the triggers that keep it so (migration 0038). */
export const highlightsMadeHere = `
    UPDATE highlight SET made_by = x'' WHERE made_by = ${memberUid};

    -- As migration 0029's trigger, the maker of a row whose writer names none is this library's
    -- member; it and a writer's naming of that member are kept as x''.
    DROP TRIGGER highlight_made_by;
    CREATE TRIGGER highlight_made_by AFTER INSERT ON highlight
      WHEN new.made_by IS NULL OR new.made_by = ${memberUid}
    BEGIN
      UPDATE highlight SET made_by = iif(${memberUid} IS NULL, NULL, x'') WHERE id = new.id;
    END;
    CREATE TRIGGER highlight_made_by_here AFTER UPDATE OF made_by ON highlight
      WHEN new.made_by = ${memberUid}
    BEGIN
      UPDATE highlight SET made_by = x'' WHERE id = new.id;
    END;

    -- The member's uid about to change (nothing does today): what was made here is written out as its uid.
    CREATE TRIGGER member_uid_writes_out_makers AFTER UPDATE OF member_uid ON sync_state
      WHEN old.member_uid IS NOT new.member_uid
    BEGIN
      UPDATE highlight SET made_by = old.member_uid WHERE typeof(made_by) = 'blob';
    END;`;
