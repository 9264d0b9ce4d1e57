import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createLibrary } from '../../main/library/createLibrary';
import { eachGeneratedArticle, seededRandom } from './generateCorpus';
import { seedAnnotations } from './seedAnnotations';

const repo = path.resolve(__dirname, '../..');
const seedsDir = path.join(repo, 'seeds');

/** What the bench's library is made of, as an import and seedAnnotations make it. */
export interface BenchLibraryShape {
  articleCount: number;
  highlightCount: number;
  tagCount: number;
}

/** How the bench library came to be: imported in this run (with the import's figures), or copied from the cache. */
export type BenchLibrarySource =
  | { kind: 'imported'; totalBytes: number; importSeconds: number; readMbPerSecond: number; cachedAt: string | null }
  | { kind: 'cached'; cachedAt: string; made: ImportRecord | null };

/** The import's figures as measured when the cached library was made, kept beside it. */
export interface ImportRecord {
  madeAt: string;
  totalBytes: number;
  importSeconds: number;
  readMbPerSecond: number;
}

/**
 * Where a library of this shape is kept between runs (PIZHU_BENCH_CACHE, else /tmp): named by
 * the shape and by the generator and seeding it was made with, so a change to either makes a
 * new one. A schema change does not: the copy is migrated as a person's library is, and the
 * migrated file kept in the cache instead (migrations land often; an import at 100,000 takes minutes).
 */
export function cachePathFor(shape: BenchLibraryShape): string {
  const hash = crypto.createHash('sha256');
  for (const file of ['generateCorpus.ts', 'seedAnnotations.ts']) hash.update(fs.readFileSync(path.join(__dirname, file)));
  const key = hash.digest('hex').slice(0, 12);
  const dir = process.env.PIZHU_BENCH_CACHE ?? '/tmp/pizhu-bench-cache';
  return path.join(dir, `library-${shape.articleCount}a-${shape.highlightCount}h-${shape.tagCount}t-${key}.sqlite`);
}

/**
 * The bench library at `dbPath`: copied from the cache when one of this shape is there (a 100,000-
 * article import and seeding takes many minutes), else generated into `workDir`, imported as a
 * person imports a folder (timed, beside reading the same files), seeded with annotations, and
 * kept in the cache when `keep` is set. The copy is closed cleanly (no -wal), so it is one file.
 */
export async function prepareBenchLibrary(
  dbPath: string,
  workDir: string,
  shape: BenchLibraryShape,
  { keep, builtMain }: { keep: boolean; builtMain?: string },
): Promise<BenchLibrarySource> {
  const cached = cachePathFor(shape);
  if (keep && fs.existsSync(cached)) {
    console.log(`Copying the cached library ${cached} (delete it to import anew)…`);
    fs.copyFileSync(cached, dbPath);
    await migrateCachedCopy(dbPath, cached);
    let made: ImportRecord | null = null;
    try {
      made = JSON.parse(fs.readFileSync(`${cached}.json`, 'utf8')) as ImportRecord;
    } catch {
      // Made before its record was kept: the import figure is then not known.
    }
    return { kind: 'cached', cachedAt: cached, made };
  }
  const library = await createLibrary({
    dbPath,
    ...(builtMain
      ? { startParseWorker: (resourceLimits) => new Worker(path.join(builtMain, 'parseWorkerEntry.js'), { resourceLimits }) }
      : {}),
  });
  let source: BenchLibrarySource;
  try {
    console.log(`Generating ${shape.articleCount} articles from the seeds (deterministic)…`);
    // As a person imports a corpus: one folder, `pizhu import DIR` (batched commits, all or nothing per article).
    // Written one article at a time: 100,000 held at once would be ~500 MB of the bench's memory.
    const folder = path.join(workDir, 'corpus');
    fs.mkdirSync(folder, { recursive: true });
    let totalBytes = 0;
    for (const a of eachGeneratedArticle(seedsDir, shape.articleCount)) {
      fs.writeFileSync(path.join(folder, a.fileName), a.bytes);
      totalBytes += a.bytes.byteLength;
    }
    console.log(`Importing ${(totalBytes / 1e6).toFixed(1)} MB…`);
    const t0 = process.hrtime.bigint();
    const outcomes = await library.importPaths([folder]);
    const importSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const imported = outcomes.filter((o) => o.status === 'imported').length;
    if (imported !== shape.articleCount) throw new Error(`only ${imported} of ${shape.articleCount} articles imported`);
    // The simplest peer, in the same run: the same folder listed and every file read (fs.readFileSync).
    const readStarted = process.hrtime.bigint();
    let readBytes = 0;
    for (const name of fs.readdirSync(folder)) readBytes += fs.readFileSync(path.join(folder, name)).byteLength;
    const readMbPerSecond = readBytes / 1e6 / (Number(process.hrtime.bigint() - readStarted) / 1e9);
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`  imported in ${importSeconds.toFixed(1)} s; adding ${shape.highlightCount} highlights, ${shape.tagCount} tags and notes…`);
    seedAnnotations(library, shape.highlightCount, seededRandom(7), shape.tagCount);
    source = { kind: 'imported', totalBytes, importSeconds, readMbPerSecond, cachedAt: null };
  } finally {
    library.close();
  }
  if (keep) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    // Copied under another name first: a run killed mid-copy leaves no half library under the cache's name.
    fs.copyFileSync(dbPath, `${cached}.partial`);
    fs.renameSync(`${cached}.partial`, cached);
    const { totalBytes, importSeconds, readMbPerSecond } = source;
    const record: ImportRecord = { madeAt: new Date().toISOString(), totalBytes, importSeconds, readMbPerSecond };
    fs.writeFileSync(`${cached}.json`, JSON.stringify(record));
    if (source.kind === 'imported') source.cachedAt = cached;
    console.log(`  kept for the next run: ${cached}`);
  }
  return source;
}

function schemaVersion(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * The copied library opened and closed as the app does, which migrates it to this checkout's
 * schema; when that changed it, the migrated file replaces the cached one, so the next run
 * does not migrate it again.
 */
async function migrateCachedCopy(dbPath: string, cached: string): Promise<void> {
  const before = schemaVersion(dbPath);
  const started = process.hrtime.bigint();
  // Its backups (one is made before a migration) in the run's folder, removed with it.
  (await createLibrary({ dbPath })).close();
  const after = schemaVersion(dbPath);
  if (after === before) return;
  console.log(`  migrated from schema ${before} to ${after} in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; kept in the cache`);
  fs.copyFileSync(dbPath, `${cached}.partial`);
  fs.renameSync(`${cached}.partial`, cached);
}

/**
 * `node --import tsx test/bench/cachedBenchLibrary.ts [--large]`: makes the bench's library
 * and keeps it in the cache, so `npm run bench` (which copies it from there) starts at once.
 */
if (process.argv[1]?.endsWith('cachedBenchLibrary.ts')) {
  void (async () => {
    const large = process.argv.includes('--large');
    const articleCount = Number(process.env.BENCH_ARTICLES ?? (large ? 100_000 : 10_000));
    const shape = { articleCount, highlightCount: articleCount * 10, tagCount: large ? 5_000 : 40 };
    const work = fs.mkdtempSync(path.join(process.env.PIZHU_BENCH_CACHE ?? '/tmp', 'pizhu-bench-make-'));
    try {
      const source = await prepareBenchLibrary(path.join(work, 'library.sqlite'), work, shape, {
        keep: true,
        builtMain: path.resolve(repo, process.env.PIZHU_OUT_DIR ?? 'out', 'main'),
      });
      console.log(JSON.stringify(source));
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  })();
}
