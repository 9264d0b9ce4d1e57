import path from 'node:path';
import {
  maxOverrideTermLength,
  maxTermOverrides,
  overrideModes,
  type TermListSkipReason,
} from '../../preload/contract/termOverrideTypes';
import type { Library } from '../library/createLibrary';
import { UsageError } from './cliOptions';

/** Why a term list line was skipped, as the CLI says it. */
const skipText: Readonly<Record<TermListSkipReason, string>> = {
  'wrong-columns': 'not three fields: source,target,modes',
  'empty-field': 'an empty field',
  'bad-mode': `a mode that is not one of ${overrideModes.join(', ')}`,
  'too-long': `longer than ${maxOverrideTermLength} characters`,
  'bad-text': 'a line break, a control character or half a character in a field',
  duplicate: 'the same source in a mode of an earlier line',
  conflict: 'the library reads this source otherwise in some of these modes; edit that override',
  'too-many': `the library holds the most overrides it keeps (${maxTermOverrides})`,
};

/**
 * `pizhu overrides list | import FILE | export FILE`: the lines to print. The CLI may name a
 * file; the app never does (main's dialogs choose).
 */
export function runOverrides(library: Library, args: readonly string[], json: boolean): string[] {
  const usage = 'overrides takes list, import FILE or export FILE';
  const [action, file, ...extra] = args;
  if (extra.length > 0) throw new UsageError(usage);
  if (action === 'list' && file === undefined) {
    const overrides = library.overrides.list();
    if (json) return [JSON.stringify(overrides, null, 2)];
    const count = `${overrides.length} ${overrides.length === 1 ? 'override' : 'overrides'}`;
    return [...overrides.map((o) => `${o.id}\t${o.source}\t${o.target}\t${o.modes.join(' ')}`), count];
  }
  if (action === 'export' && file !== undefined) {
    const target = path.resolve(file);
    const result = library.overrides.exportTermList(target);
    return [json ? JSON.stringify(result, null, 2) : `${result.written} overrides written to ${target}`];
  }
  if (action === 'import' && file !== undefined) {
    const result = library.overrides.importTermList(path.resolve(file));
    if (json) return [JSON.stringify(result, null, 2)];
    return [
      ...result.skipped.map((s) => `line ${s.line}: skipped (${skipText[s.reason]})`),
      `${result.added} added, ${result.updated} updated, ${result.unchanged} already so, ${result.skipped.length} lines skipped (one undo step in the app)`,
    ];
  }
  throw new UsageError(usage);
}
