import type { Library } from '../../main/library/createLibrary';
import { percentile, timeRunsAsync, type Figure } from './measure';

/**
 * The whole library to Markdown as the app exports it: in steps, with the progress its dialog
 * shows (exportMarkdownInSteps), each step's files written by the export worker.
 */
export async function measureExport(
  library: Library,
  outDir: string,
  { runs, budgetSeconds }: { runs: number; budgetSeconds: number } = { runs: 3, budgetSeconds: 3 },
): Promise<Figure[]> {
  const highlights = (library.database().prepare('SELECT count(*) AS n FROM highlight').get() as { n: number }).n;
  let progressCalls = 0;
  // Each run exports into a new folder, as a person exporting their library does. (Deleting the
  // previous run's 10,001 files just before makes ext4 without a journal skip the freed inodes
  // for every new file: that measures the file system, not the export.)
  const samples = await timeRunsAsync(
    runs,
    async (i) => {
      await library.exportMarkdownInSteps(
        { scope: 'library', outDir: `${outDir}-${i}`, script: 'original', highlightsOnly: false },
        () => void progressCalls++,
      );
    },
    0,
  );
  if (progressCalls === 0) throw new Error('the export reported no progress');
  const worst = Math.max(...samples);
  return [
    {
      figure: `export ${highlights.toLocaleString('en')} highlights to Markdown (whole library, in steps with progress)`,
      p50: percentile(samples, 50),
      p95: worst,
      value: `${(worst / 1000).toFixed(2)} s`,
      budget: `< ${budgetSeconds} s`,
      pass: worst < budgetSeconds * 1000,
    },
  ];
}

/**
 * `node --expose-gc --import tsx test/bench/measureFindAndExport.ts [--large]`: the export alone on
 * the bench's library (BENCH_ARTICLES generated articles, 10 highlights each; 10,000, or 100,000
 * with --large), copied from the bench's cache in /tmp (made there the first time; the parse worker
 * comes from the build, `npm run build`). Profile it with node --cpu-prof.
 */
if (process.argv[1]?.endsWith('measureFindAndExport.ts')) {
  void (async () => {
    const [fs, os, path, { Worker }, { prepareBenchLibrary }, { createLibrary }, { printTable }] = await Promise.all([
      import('node:fs'),
      import('node:os'),
      import('node:path'),
      import('node:worker_threads'),
      import('./cachedBenchLibrary'),
      import('../../main/library/createLibrary'),
      import('./measure'),
    ]);
    const large = process.argv.includes('--large');
    const articleCount = Number(process.env.BENCH_ARTICLES ?? (large ? 100_000 : 10_000));
    const shape = { articleCount, highlightCount: articleCount * 10, tagCount: large ? 5_000 : 40 };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-bench-export-'));
    try {
      const dbPath = path.join(dir, 'library.sqlite');
      const builtMain = path.resolve(__dirname, '../..', process.env.PIZHU_OUT_DIR ?? 'out', 'main');
      await prepareBenchLibrary(dbPath, dir, shape, { keep: true, builtMain });
      const library = await createLibrary({
        dbPath,
        startExportWorker: () => new Worker(path.join(builtMain, 'exportWorkerEntry.js')),
      });
      try {
        printTable(await measureExport(library, path.join(dir, 'export'), large ? { runs: 1, budgetSeconds: 30 } : undefined));
      } finally {
        library.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
}
