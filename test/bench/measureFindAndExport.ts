import type { Library } from '../../main/library/createLibrary';
import { percentile, timeRunsAsync, type Figure } from './measure';

/**
 * The whole library to Markdown as the app exports it: in steps, with the progress its dialog
 * shows (exportMarkdownInSteps), each step's files written through the thread pool.
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

/** `node --import tsx test/bench/measureFindAndExport.ts`: the export alone on BENCH_ARTICLES generated articles, 10 highlights each. */
if (process.argv[1]?.endsWith('measureFindAndExport.ts')) {
  void (async () => {
    const [{ runOnGeneratedLibrary }, { seedAnnotations }, { seededRandom }, path] = await Promise.all([
      import('./onGeneratedLibrary'),
      import('./seedAnnotations'),
      import('./generateCorpus'),
      import('node:path'),
    ]);
    await runOnGeneratedLibrary('export', (library, count) => {
      seedAnnotations(library, count * 10, seededRandom(7));
      // Beside the library, in the folder removed with it.
      return measureExport(library, path.join(path.dirname(library.database().name), 'export'));
    });
  })();
}
