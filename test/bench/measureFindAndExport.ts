import type { Library } from '../../main/library/createLibrary';
import { percentile, timeRuns, type Figure } from './measure';

export function measureExport(
  library: Library,
  outDir: string,
  { runs, budgetSeconds }: { runs: number; budgetSeconds: number } = { runs: 3, budgetSeconds: 3 },
): Promise<Figure[]> {
  const highlights = (library.database().prepare('SELECT count(*) AS n FROM highlight').get() as { n: number }).n;
  // Each run exports into a new folder, as a person exporting their library does. (Deleting the
  // previous run's 10,001 files just before makes ext4 without a journal skip the freed inodes
  // for every new file: that measures the file system, not the export.)
  const samples = timeRuns(
    runs,
    (i) => library.exportMarkdown({ scope: 'library', outDir: `${outDir}-${i}`, script: 'original', highlightsOnly: false }),
    0,
  );
  const worst = Math.max(...samples);
  return Promise.resolve([
    {
      figure: `export ${highlights.toLocaleString('en')} highlights to Markdown (whole library)`,
      p50: percentile(samples, 50),
      p95: worst,
      value: `${(worst / 1000).toFixed(2)} s`,
      budget: `< ${budgetSeconds} s`,
      pass: worst < budgetSeconds * 1000,
    },
  ]);
}
