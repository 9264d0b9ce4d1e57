/**
 * The child of the backup crash test: opens the library (taking its lock, as the app does) and
 * writes backups one after another, printing "backup NAME" once each is complete, until killed.
 */
import { createLibrary } from '../../main/library/createLibrary';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: backupCrashChild DB');

void (async () => {
  const library = await createLibrary({ dbPath });
  process.stdout.write('open\n');
  for (;;) {
    const backup = await library.backup('crash');
    process.stdout.write(`backup ${backup.name}\n`);
  }
})();
