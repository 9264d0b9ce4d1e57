import {
  maxTermOverrides,
  type TermListImportResult,
  type TermOverride,
  type TermOverrideRule,
} from '../../../preload/contract/termOverrideTypes';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import { shortQuote, type Journaled } from '../annotations/journaled';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { checkRule, modesOf, modesOverlap, modesText, sameModes } from './overrideRules';
import type { TermListLine } from './termListCsv';

interface OverrideRow {
  id: number;
  source: string;
  target: string;
  modes: string;
  created_at: string;
}

function toOverride(row: OverrideRow): TermOverride {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    modes: modesOf(row.modes) as ScriptMode[],
    createdAt: row.created_at,
  };
}

function validRule(rule: TermOverrideRule): TermOverrideRule {
  const check = checkRule(rule.source, rule.target, rule.modes);
  if (!check.ok) throw new LibraryError('invalid-argument', `${check.message} Nothing was changed.`);
  return check.rule;
}

/** Every override, by source then id: what the reader, exports, the CLI and search convert with. */
export function listTermOverrides(db: Db): TermOverride[] {
  // Compiled once: every search reads the list.
  return (preparedStatement(db, 'SELECT * FROM term_override ORDER BY source, id').all() as OverrideRow[]).map(
    toOverride,
  );
}

/**
 * A translator's own conversions, library-wide (issue #15 item 6). Every change is one
 * journaled step (undo and redo take it back and apply it again); one source reads one way per
 * mode, so an override overlapping another of the same source is refused, naming that one.
 */
export function termOverrideOperations(db: Db, journaled: Journaled) {
  const all = (): TermOverride[] => listTermOverrides(db);
  const one = (id: number): TermOverride | undefined => {
    const row = db.prepare('SELECT * FROM term_override WHERE id = ?').get(id) as OverrideRow | undefined;
    return row && toOverride(row);
  };

  function refuseOverlap(rule: TermOverrideRule, except?: number): void {
    const rows = db.prepare('SELECT * FROM term_override WHERE source = ?').all(rule.source) as OverrideRow[];
    const other = rows.find((row) => row.id !== except && modesOverlap(modesOf(row.modes), rule.modes));
    if (other) {
      throw new LibraryError(
        'override-conflict',
        `"${shortQuote(rule.source)}" already reads as "${shortQuote(other.target)}" in ${other.modes}; edit that override instead. Nothing was changed.`,
        String(other.id),
      );
    }
  }

  return {
    /** Every override, by source then id. */
    list: all,

    add(input: TermOverrideRule): TermOverride {
      const rule = validRule(input);
      return journaled((rec, now) => {
        refuseOverlap(rule);
        const count = (db.prepare('SELECT count(*) AS n FROM term_override').get() as { n: number }).n;
        if (count >= maxTermOverrides) {
          throw new LibraryError(
            'invalid-argument',
            `The library holds ${maxTermOverrides} overrides, the most it keeps; remove some first. Nothing was changed.`,
          );
        }
        const id = rec.insert('term_override', {
          source: rule.source,
          target: rule.target,
          modes: modesText(rule.modes),
          created_at: now,
        });
        return {
          value: one(id)!,
          op: 'override.add',
          description: `Always show "${shortQuote(rule.source)}" as "${shortQuote(rule.target)}"`,
        };
      });
    },

    update(id: number, input: TermOverrideRule): TermOverride {
      const rule = validRule(input);
      return journaled((rec) => {
        if (!one(id)) throw new LibraryError('not-found', `There is no override ${id}; nothing was changed.`);
        refuseOverlap(rule, id);
        rec.update('term_override', { id }, { source: rule.source, target: rule.target, modes: modesText(rule.modes) });
        return {
          value: one(id)!,
          op: 'override.update',
          description: `Show "${shortQuote(rule.source)}" as "${shortQuote(rule.target)}"`,
        };
      });
    },

    remove(id: number): void {
      journaled((rec) => {
        const before = one(id);
        if (!before || !rec.remove('term_override', { id })) {
          throw new LibraryError('not-found', `There is no override ${id}; nothing was changed.`);
        }
        return {
          value: undefined,
          op: 'override.remove',
          description: `Remove the override of "${shortQuote(before.source)}"`,
        };
      });
    },

    /**
     * The checked lines of a term list, in one step: a line whose source and modes an override
     * has already updates its target; a new one is added; the rest are listed as skipped.
     */
    importLines(lines: readonly TermListLine[]): TermListImportResult {
      return journaled((rec, now) => {
        const result: TermListImportResult = { added: 0, updated: 0, unchanged: 0, skipped: [] };
        const seen: TermOverrideRule[] = [];
        let count = (db.prepare('SELECT count(*) AS n FROM term_override').get() as { n: number }).n;
        for (const line of lines) {
          if (!line.ok) {
            result.skipped.push({ line: line.line, reason: line.reason });
            continue;
          }
          const { rule } = line;
          if (seen.some((s) => s.source === rule.source && modesOverlap(s.modes, rule.modes))) {
            result.skipped.push({ line: line.line, reason: 'duplicate' });
            continue;
          }
          seen.push(rule);
          const rows = db.prepare('SELECT * FROM term_override WHERE source = ?').all(rule.source) as OverrideRow[];
          const same = rows.find((row) => sameModes(modesOf(row.modes), rule.modes));
          if (same) {
            if (same.target === rule.target) result.unchanged++;
            else {
              rec.update('term_override', { id: same.id }, { target: rule.target });
              result.updated++;
            }
            continue;
          }
          if (rows.some((row) => modesOverlap(modesOf(row.modes), rule.modes))) {
            result.skipped.push({ line: line.line, reason: 'conflict' });
            continue;
          }
          if (count >= maxTermOverrides) {
            result.skipped.push({ line: line.line, reason: 'too-many' });
            continue;
          }
          rec.insert('term_override', {
            source: rule.source,
            target: rule.target,
            modes: modesText(rule.modes),
            created_at: now,
          });
          count++;
          result.added++;
        }
        const changed = result.added + result.updated;
        return {
          value: result,
          op: 'override.import',
          description: `Import a term list (${changed} ${changed === 1 ? 'override' : 'overrides'})`,
        };
      });
    },
  };
}

export type TermOverrideOperations = ReturnType<typeof termOverrideOperations>;
