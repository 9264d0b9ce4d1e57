/**
 * The child of the restore crash test: opens the library (taking its lock, as the app does) and
 * restores two backups in turn through the app's own action, printing "restored NAME" once each
 * swap is done and the library reopened, until killed.
 */
import path from 'node:path';
import { createLibrary } from '../../main/library/createLibrary';

const [dbPath, ...backups] = process.argv.slice(2);
if (!dbPath || backups.length === 0) throw new Error('usage: restoreCrashChild DB BACKUP...');

void (async () => {
  const library = await createLibrary({ dbPath });
  process.stdout.write('open\n');
  for (let i = 0; ; i++) {
    const backup = backups[i % backups.length]!;
    await library.restoreFrom(backup);
    process.stdout.write(`restored ${path.basename(backup)} ${library.listArticles().length}\n`);
  }
})();
