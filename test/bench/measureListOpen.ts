import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chooseLauncher } from '../e2e/fixtures/findLauncher';
import { launchChromium } from '../e2e/fixtures/launchChromium';
import { percentile, type Figure } from './measure';

const runs = 5;

/**
 * Opening the app on the bench's library: from the page's load until the library list shows
 * its first rows, in the built renderer on the Chromium launcher (the library opened as main
 * opens it, its first answer included).
 */
export async function measureListOpen(dbPath: string, articleCount: number): Promise<Figure[]> {
  const choice = chooseLauncher();
  const executable = choice.kind === 'chromium' ? choice.executablePath : (process.env.PIZHU_CHROMIUM ?? '/usr/bin/chromium');
  const launched = await launchChromium(executable, { dbPath });
  try {
    const { page } = launched;
    const row = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first();
    await row.waitFor({ timeout: 120_000 });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      await page.reload();
      await row.waitFor({ timeout: 120_000 });
      samples.push(performance.now() - t0);
    }
    const p95 = percentile(samples, 95);
    return [
      {
        figure: `open the app on ${articleCount.toLocaleString('en')} articles: load -> list shown (${runs} runs)`,
        p50: percentile(samples, 50),
        p95,
        value: `${p95.toFixed(0)} ms`,
        budget: '< 1000 ms',
        pass: p95 < 1000,
      },
    ];
  } finally {
    await launched.close();
  }
}

/**
 * Main's memory with the library open and the start-up answers made (the article list, the
 * tags, as IPC sends them): measured in a process of its own, so the bench's set-up is not in it.
 */
export function measureMainMemory(dbPath: string): Figure[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'openLibraryMemory.ts'), dbPath], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const { maxRssMb, listMs, listBytes } = JSON.parse(out.trim().split('\n').pop()!) as {
    maxRssMb: number;
    listMs: number;
    listBytes: number;
  };
  return [
    {
      figure: `main-process memory, library open, list and tags sent (list: ${(listBytes / 1e6).toFixed(1)} MB in ${listMs.toFixed(0)} ms)`,
      p50: null,
      p95: null,
      value: `${maxRssMb.toFixed(0)} MB peak RSS`,
      budget: '< 1024 MB',
      pass: maxRssMb < 1024,
    },
  ];
}
