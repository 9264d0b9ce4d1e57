import { peerRatio, percentile, printTable, type Figure } from './measure';
import { launchOnLongestSeed } from './measureUiOpen';

const runs = 20;

/**
 * Reading aids on the longest seed (issue #17 item 3), in the built renderer on the Chromium
 * launcher: click -> text painted with pinyin on for that article (the open figure's budget:
 * readings must not hold the first paint), and click -> pinyin drawn over every paragraph, the
 * first time in a process (pinyin-pro and the dictionary load) and again.
 */
export async function measureReadingAids(): Promise<Figure[]> {
  const { launched, target, other } = await launchOnLongestSeed();
  try {
    const { library, page } = launched;
    const characters = library.getArticle(target.id).paragraphs.reduce((n, p) => n + p.text.length, 0);
    const open = async (): Promise<[number, number]> => {
      await page.getByRole('button', { name: other.title }).first().click();
      await page.getByRole('article').waitFor();
      // A string, not a function: the bench runs through tsx (see measureUiOpen).
      return page.evaluate<[number, number]>(`(async (title) => {
        const button = [...document.querySelectorAll('[aria-label="Articles"] button')].find((b) =>
          (b.textContent || '').startsWith(title));
        if (!button) throw new Error('article not listed');
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const t0 = performance.now();
        button.click();
        const until = async (done) => { while (!done()) await frame(); await frame(); return performance.now() - t0; };
        const han = /\\p{Script=Han}/u;
        const text = await until(() => ((document.querySelector('#article-title') || {}).textContent || '').includes(title)
          && document.querySelector('article .paragraph-text') !== null);
        const on = document.querySelector('article.reading-aid-on') !== null;
        const readings = on ? await until(() => [...document.querySelectorAll('article .paragraph-text')]
          .every((p) => !han.test(p.textContent || '') || p.querySelector('ruby') !== null)) : text;
        return [text, readings];
      })(${JSON.stringify(target.title)})`);
    };
    // The same article with readings off first: the peer, measured in the same process.
    await open();
    const plain: number[] = [];
    for (let run = 0; run < runs; run++) plain.push((await open())[0]);
    // Pinyin over every word of the target, as its Readings menu keeps it.
    await page.evaluate(`(() => {
      const key = 'pizhu.preferences.v1';
      const stored = JSON.parse(localStorage.getItem(key) || '{}');
      stored.readingAidByArticle = { ${JSON.stringify(String(target.id))}: { script: 'pinyin', scope: 'all' } };
      localStorage.setItem(key, JSON.stringify(stored));
    })()`);
    await page.reload();
    const painted: number[] = [];
    const read: number[] = [];
    let first = NaN;
    for (let run = 0; run < runs + 1; run++) {
      const [text, readings] = await open();
      if (run === 0) first = readings;
      else {
        painted.push(text);
        read.push(readings);
      }
    }
    const p95 = percentile(painted, 95);
    return [
      {
        figure: `open an article in the UI with pinyin on (click -> text painted), longest seed (${runs} runs)`,
        p50: percentile(painted, 50),
        p95,
        value: `${p95.toFixed(1)} ms`,
        budget: '< 100 ms',
        pass: p95 < 100,
        peer: `${percentile(plain, 95).toFixed(1)} ms (readings off; p50 ${percentile(plain, 50).toFixed(1)})`,
        ratio: peerRatio(p95, percentile(plain, 95)),
      },
      {
        figure: `pinyin drawn over every paragraph (click -> readings), longest seed, ${characters} characters, again`,
        p50: percentile(read, 50),
        p95: percentile(read, 95),
        value: `${percentile(read, 95).toFixed(1)} ms`,
        budget: 'not budgeted (after the first paint)',
        pass: true,
      },
      {
        figure: 'pinyin drawn over every paragraph, first in a process (pinyin-pro and the dictionary load)',
        p50: null,
        p95: null,
        value: `${first.toFixed(0)} ms`,
        budget: 'not budgeted (after the first paint)',
        pass: true,
      },
    ];
  } finally {
    await launched.close();
  }
}

// Run alone: npx tsx test/bench/measureReadingAids.ts (after npm run build).
if (process.argv[1]?.endsWith('measureReadingAids.ts')) {
  void measureReadingAids().then(printTable);
}
