import path from 'node:path';
import type { AttributeCsvSkippedLine } from '../../preload/contract/attributeTypes';
import type { Library } from '../library/createLibrary';
import { UsageError } from './cliOptions';

/** Why an attribute CSV line was skipped, as the CLI says it. */
function skipText(s: AttributeCsvSkippedLine): string {
  switch (s.reason) {
    case 'wrong-columns':
      return 'not as many fields as the header';
    case 'no-key':
      return 'the file name or URL is blank';
    case 'no-article':
      return 'no article in the library has this file name or URL';
    case 'several-articles':
      return 'several articles have this file name; name the one meant by its URL';
    case 'duplicate':
      return 'an earlier line named the same article';
    case 'bad-value':
      return `the value of "${s.column ?? ''}" does not fit its kind`;
  }
}

/**
 * `pizhu attributes list | import FILE.csv`: the lines to print. The CSV's first heading is file
 * or url, then one column per attribute (a new name adds a text attribute). The CLI may name a
 * file; the app never does (main's dialog chooses).
 */
export function runAttributes(library: Library, args: readonly string[], json: boolean): string[] {
  const usage = 'attributes takes list or import FILE.csv';
  const [action, file, ...extra] = args;
  if (extra.length > 0) throw new UsageError(usage);
  if (action === 'list' && file === undefined) {
    const attributes = library.attributes.listAttributes();
    if (json) return [JSON.stringify(attributes, null, 2)];
    return [
      ...attributes.map(
        (a) =>
          `${a.name}\t${a.kind}${a.kind === 'choice' ? ` (${a.choices.join(' | ')})` : ''}\t` +
          a.values.map((v) => `${v.value}: ${v.count}`).join(', '),
      ),
      `${attributes.length} ${attributes.length === 1 ? 'attribute' : 'attributes'}`,
    ];
  }
  if (action === 'import' && file !== undefined) {
    const result = library.attributes.importAttributeCsv(path.resolve(file));
    if (json) return [JSON.stringify(result, null, 2)];
    return [
      ...result.skipped.map((s) => `line ${s.line}: skipped (${skipText(s)})`),
      `${result.values} values set on ${result.articles} articles, ${result.skipped.length} lines skipped (one undo step in the app)`,
    ];
  }
  throw new UsageError(usage);
}
