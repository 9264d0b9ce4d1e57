import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chooseLauncher } from '../e2e/fixtures/findLauncher';
import { launchChromium } from '../e2e/fixtures/launchChromium';
import type { Library } from '../../main/library/createLibrary';
import { articleListSorts, type ArticlePageRequest } from '../../preload/contract/articlePageTypes';
import { peerRatio, percentile, timeRuns, type Figure } from './measure';

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
  const { maxRssMb, pageMs, pageBytes, listMs, listBytes } = JSON.parse(out.trim().split('\n').pop()!) as Record<
    'maxRssMb' | 'pageMs' | 'pageBytes' | 'listMs' | 'listBytes',
    number
  >;
  const kb = (n: number) => `${(n / 1e3).toFixed(0)} KB`;
  return [
    {
      figure: `main-process memory, library open, first list page (${kb(pageBytes)}, ${pageMs.toFixed(0)} ms) and tags sent; the whole list was ${kb(listBytes)} in ${listMs.toFixed(0)} ms`,
      p50: null,
      p95: null,
      value: `${maxRssMb.toFixed(0)} MB peak RSS`,
      budget: '< 1024 MB',
      pass: maxRssMb < 1024,
    },
  ];
}

/**
 * Scrolling the library list: one page of 100 rows as the window asks for it, in each order,
 * filtered by a title fragment and by a tag, at offsets down the whole list; beside it, the
 * whole list the window used to ask for (every summary) in the same run.
 */
export function measureListPages(library: Library): Figure[] {
  const total = library.listArticlePage({ ...base, offset: 0, limit: 1 }).total;
  const requests: ArticlePageRequest[] = [];
  for (const sort of articleListSorts)
    for (const filter of [{}, { query: '之1' }, { query: '之' }, { tag: '主题0' }])
      for (const at of [0, 0.5, 0.99]) requests.push({ ...base, sort, ...filter, offset: Math.floor(total * at), limit: 100 });
  const samples = timeRuns(requests.length * 2, (i) => void library.listArticlePage(requests[i % requests.length]!));
  const whole = timeRuns(5, () => void library.listArticles(), 1);
  const p95 = percentile(samples, 95);
  return [
    {
      figure: `one page of the library list (100 rows; 3 orders × title and tag filters × offsets to ${total.toLocaleString('en')})`,
      p50: percentile(samples, 50),
      p95,
      value: `${p95.toFixed(1)} ms`,
      budget: 'p95 < 100 ms',
      pass: p95 < 100,
      peer: `${percentile(whole, 95).toFixed(0)} ms (the whole list, as before)`,
      ratio: peerRatio(p95, percentile(whole, 95)),
    },
  ];
}

const base: ArticlePageRequest = { view: 'library', sort: 'date', collation: 'zh', query: '', tag: '', offset: 0, limit: 100 };
