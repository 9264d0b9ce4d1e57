import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { generateArticles } from './generateCorpus';
import { printTable, type Figure } from './measure';

/**
 * A measure run on its own (node --import tsx test/bench/measureX.ts): a fresh library of
 * BENCH_ARTICLES generated articles (1,000 unless given), imported as a folder, is given to
 * `measure`; its figures are printed and the library removed.
 */
export async function runOnGeneratedLibrary(
  name: string,
  measure: (library: Library, count: number) => Figure[] | Promise<Figure[]>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pizhu-bench-${name}-`));
  const library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  try {
    const count = Number(process.env.BENCH_ARTICLES ?? 1000);
    const folder = path.join(dir, 'corpus');
    fs.mkdirSync(folder);
    for (const a of generateArticles(path.resolve(__dirname, '../../seeds'), count)) fs.writeFileSync(path.join(folder, a.fileName), a.bytes);
    await library.importPaths([folder]);
    printTable(await measure(library, count));
  } finally {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
