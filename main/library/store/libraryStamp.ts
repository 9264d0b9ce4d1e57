import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';

/**
 * Changes when anything is written to the library: by this connection (total_changes counts
 * every row it inserts, updates or deletes, triggers' included, and never goes back) or by
 * another one (data_version, e.g. the command line writing while the app is open). Asked at
 * every page: compiled once per connection.
 */
export function libraryStamp(db: Db): string {
  const [changes, version] = preparedStatement(db, 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version)')
    .raw()
    .get() as [number, number];
  return `${changes}:${version}`;
}
