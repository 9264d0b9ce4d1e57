/**
 * What takes the space in a library (issue #16): a library generated as `npm run bench` makes
 * one (the same articles, 10 highlights an article with tags and notes), then SQLite's dbstat
 * table per table and index, in MB and as a share of the file, and how long an article takes to
 * load (what storing it smaller could cost the reader).
 *
 *   node --import tsx test/bench/librarySize.ts [articles=2000] [existing library.sqlite] [--documents]
 *
 * Needs the build's parse worker (`npm run build`), as the bench does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { registerChecksumFunction } from '../../main/library/store/contentHashes';
import { generateArticles, seededRandom } from './generateCorpus';
import { seedAnnotations } from './seedAnnotations';

const repo = path.resolve(__dirname, '../..');
const builtMain = path.resolve(repo, process.env.PIZHU_OUT_DIR ?? 'out', 'main');

interface SpaceRow {
  name: string;
  pages: number;
  bytes: number;
  payload: number;
  unused: number;
}

/** Per table and index: pages, bytes on disk, bytes of payload and unused bytes (dbstat, aggregated). */
export function librarySpace(dbPath: string): { rows: SpaceRow[]; fileBytes: number; freePages: number; pageSize: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT name, count(*) AS pages, sum(pgsize) AS bytes, sum(payload) AS payload, sum(unused) AS unused
         FROM dbstat GROUP BY name ORDER BY bytes DESC`,
      )
      .all() as SpaceRow[];
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const freePages = db.pragma('freelist_count', { simple: true }) as number;
    return { rows, fileBytes: fs.statSync(dbPath).size, freePages, pageSize };
  } finally {
    db.close();
  }
}

function printSpace(dbPath: string, articles: number, textBytes: number | undefined): void {
  const { rows, fileBytes, freePages, pageSize } = librarySpace(dbPath);
  const mb = (n: number) => (n / 1e6).toFixed(2).padStart(8);
  console.log(`${'table or index'.padEnd(36)} ${'MB'.padStart(8)} ${'% file'.padStart(7)} ${'payload'.padStart(8)} ${'unused'.padStart(8)}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(36)} ${mb(r.bytes)} ${((100 * r.bytes) / fileBytes).toFixed(1).padStart(7)} ${mb(r.payload)} ${mb(r.unused)}`,
    );
  }
  console.log(`${'(free pages)'.padEnd(36)} ${mb(freePages * pageSize)} ${((100 * freePages * pageSize) / fileBytes).toFixed(1).padStart(7)}`);
  console.log(`file: ${mb(fileBytes).trim()} MB, page size ${pageSize}, ${articles} articles`);
  console.log(`MB/1,000 articles: ${((fileBytes / 1e6 / articles) * 1000).toFixed(2)}`);
  if (textBytes) console.log(`× the text: ${(fileBytes / textBytes).toFixed(2)} (text ${(textBytes / 1e6).toFixed(2)} MB)`);
}

/** getArticle over 300 articles spread through the library, three times each, after one warm-up pass. */
function articleLoadTimes(library: Library, count: number): { p50: number; p95: number } {
  const ids = library.listArticles().map((a) => a.id);
  const picked = Array.from({ length: Math.min(300, count) }, (_, i) => ids[(i * 7919) % ids.length]!);
  for (const id of picked) library.getArticle(id);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const id of picked) {
      const started = performance.now();
      library.getArticle(id);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * `--documents`: the annotations written into the library's sync documents too, as every
 * annotation made in the app is (seedAnnotations writes the tables alone): the library is seeded
 * into its documents at its next open, as a library from before sync is (measureSync does the same).
 */
const withDocuments = process.argv.includes('--documents');

async function seedDocuments(dbPath: string): Promise<void> {
  const raw = new Database(dbPath);
  registerChecksumFunction(raw);
  raw.prepare('UPDATE sync_state SET seeded = 0').run();
  raw.close();
  const started = performance.now();
  (await createLibrary({ dbPath })).close();
  console.log(`annotations written into the sync documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const existing = process.argv[3]?.startsWith('--') ? undefined : process.argv[3];
  if (existing) {
    const db = new Database(existing, { readonly: true });
    const count = (db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    db.close();
    printSpace(existing, count, undefined);
    return;
  }
  const count = Number(process.argv[2] ?? 2000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-size-'));
  try {
    const dbPath = path.join(dir, 'library.sqlite');
    const library = await createLibrary({
      dbPath,
      startParseWorker: (resourceLimits) => new Worker(path.join(builtMain, 'parseWorkerEntry.js'), { resourceLimits }),
    });
    const articles = generateArticles(path.join(repo, 'seeds'), count);
    const textBytes = articles.reduce((n, a) => n + a.bytes.byteLength, 0);
    const folder = path.join(dir, 'corpus');
    fs.mkdirSync(folder);
    for (const a of articles) fs.writeFileSync(path.join(folder, a.fileName), a.bytes);
    const outcomes = await library.importPaths([folder]);
    const imported = outcomes.filter((o) => o.status === 'imported').length;
    if (imported !== count) throw new Error(`only ${imported} of ${count} articles imported`);
    seedAnnotations(library, count * 10, seededRandom(7));
    const loads = articleLoadTimes(library, count);
    library.close();
    if (withDocuments) await seedDocuments(dbPath);
    printSpace(dbPath, count, textBytes);
    console.log(`load an article (getArticle, 900 loads over 300 articles): p50 ${loads.p50.toFixed(3)} ms, p95 ${loads.p95.toFixed(3)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module || process.argv[1]?.endsWith('librarySize.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
