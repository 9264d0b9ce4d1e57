/**
 * Imports paths into a library in a process of its own and prints the outcomes as one JSON line:
 * for imports that, when they go wrong, block the thread or eat the memory of whoever runs them
 * (a FIFO, /dev/zero), so the test runs them with a timeout and a memory cap it can enforce.
 *
 *   importChild DB PATH...
 */
import { createLibrary } from '../../main/library/createLibrary';
import { startParseWorkerFromSource } from './parseWorkerFromSource';

const [dbPath, ...paths] = process.argv.slice(2);
if (!dbPath || paths.length === 0) throw new Error('usage: importChild DB PATH...');

void (async () => {
  const library = await createLibrary({
    dbPath,
    ...(process.env.PIZHU_TEST_WORKER === '1' ? { startParseWorker: startParseWorkerFromSource } : {}),
  });
  try {
    process.stdout.write(`${JSON.stringify(await library.importPaths(paths))}\n`);
  } finally {
    library.close();
  }
})();
