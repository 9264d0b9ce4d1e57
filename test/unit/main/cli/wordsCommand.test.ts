import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPizhu } from '../../../support/runPizhu';
import { tempLibraryEachTest } from '../../../support/runPizhu';

/** Issue #18 items 5 and 7: pizhu freq, kwic, keyness and stopwords on a library of two articles. */
const temp = tempLibraryEachTest('pizhu-words-');

async function twoArticles(): Promise<void> {
  const simplified = path.join(temp.dir, 'a.txt');
  const traditional = path.join(temp.dir, 'b.txt');
  fs.writeFileSync(simplified, '晋江经济\n\n晋江经济发展很快。\n\n晋江人民喜欢发展经济，我们的经济。\n');
  fs.writeFileSync(traditional, '晉江經濟\n\n晉江的經濟發展。\n\n發展是硬道理。\n');
  expect((await runPizhu(['import', simplified, traditional, '--db', temp.db])).code).toBe(0);
}

describe('pizhu freq, kwic, keyness, stopwords', () => {
  it('lists word and n-gram frequencies folded across scripts, as text, JSON and CSV', async () => {
    await twoArticles();
    const words = await runPizhu(['freq', '--limit', '3', '--db', temp.db]);
    expect(words.code).toBe(0);
    // Titles count too: 晋江 in both titles and three paragraphs; 经济 in both titles and p2 twice.
    expect(words.out.split('\n').slice(0, 3)).toEqual(['1\t晋江\t5\t2 articles', '2\t经济\t4\t2 articles', '3\t发展\t2\t2 articles']);
    const traditional = await runPizhu(['freq', '--limit', '1', '--script', 't', '--db', temp.db]);
    expect(traditional.out.split('\n')[0]).toBe('1\t晉江\t5\t2 articles');

    const json = JSON.parse((await runPizhu(['freq', '--ngram', '2', '--json', '--db', temp.db])).out) as {
      unit: number;
      items: Array<{ folded: string; occurrences: number }>;
    };
    expect(json.unit).toBe(2);
    expect(json.items.find((i) => i.folded === '经济')?.occurrences).toBe(6);

    const csv = (await runPizhu(['freq', '--csv', '--limit', '2', '--db', temp.db])).out;
    expect(csv.split('\r\n')[0]).toBe('item,folded,occurrences,articles,per_10000');
    expect(csv.split('\r\n')[1]).toMatch(/^晋江,晋江,5,2,/);

    const bad = await runPizhu(['freq', '--ngram', '5', '--db', temp.db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--ngram needs a whole number from 1 to 4');
  });

  it('shows every occurrence of a word in both scripts in context, sorted, and as CSV', async () => {
    await twoArticles();
    const kwic = await runPizhu(['kwic', '經濟', '--context', '2', '--sort', 'right', '--db', temp.db]);
    expect(kwic.code).toBe(0);
    expect(kwic.out.split('\n').at(-1)).toBe('6 lines');
    const json = JSON.parse((await runPizhu(['kwic', '经济', '--context', '2', '--json', '--db', temp.db])).out) as {
      lines: Array<{ left: string; match: string; right: string; start: number }>;
    };
    expect(json.lines.map((l) => `${l.left}[${l.match}]${l.right}`)).toEqual([
      '晋江[经济]',
      '晋江[经济]发展',
      '发展[经济]，我',
      '们的[经济]。',
      '晉江[經濟]',
      '江的[經濟]發展',
    ]);
    const csv = (await runPizhu(['kwic', '经济', '--tag', 'none', '--csv', '--db', temp.db])).out;
    expect(csv).toBe('article_id,article_title,paragraph_id,paragraph,start,end,left,match,right');
  });

  it('reads an article against the rest by log-likelihood, and edits the stop words', async () => {
    await twoArticles();
    const keyness = await runPizhu(['keyness', '--article', '2', '--json', '--db', temp.db]);
    expect(keyness.code).toBe(0);
    expect(JSON.parse(keyness.out)).toMatchObject({ unit: 'words' });
    expect((await runPizhu(['keyness', '--db', temp.db])).err).toContain('choose a tag, articles or an attribute value');

    expect((await runPizhu(['stopwords', 'set', '晉江', '经济', '--db', temp.db])).out).toBe('2 stop words set');
    expect((await runPizhu(['stopwords', 'list', '--db', temp.db])).out).toBe('晉江 经济\n2 stop words');
    const words = await runPizhu(['freq', '--limit', '1', '--db', temp.db]);
    expect(words.out.split('\n')[0]).toBe('1\t发展\t2\t2 articles');
    await runPizhu(['stopwords', 'reset', '--db', temp.db]);
    expect((await runPizhu(['stopwords', 'list', '--db', temp.db])).out).toMatch(/stop words \(the default list\)$/);
  });

  it('counts, finds in context and reads against the rest the articles with an attribute value (--attribute NAME=VALUE)', async () => {
    await twoArticles();
    const values = path.join(temp.dir, 'outlets.csv');
    fs.writeFileSync(values, 'file,outlet\na.txt,官方\nb.txt,市场\n');
    expect((await runPizhu(['attributes', 'import', values, '--db', temp.db])).code).toBe(0);
    // b.txt alone: its title 晉江經濟 and 晉江 in its first paragraph.
    const market = await runPizhu(['freq', '--attribute', 'outlet=市场', '--limit', '1', '--db', temp.db]);
    expect(market.code).toBe(0);
    expect(market.out.split('\n')[0]).toBe('1\t晋江\t2\t1 article');
    const kwic = await runPizhu(['kwic', '晋江', '--attribute', 'outlet=官方', '--db', temp.db]);
    expect(kwic.out.split('\n').at(-1)).toBe('3 lines');
    const keyness = JSON.parse((await runPizhu(['keyness', '--attribute', 'outlet=官方', '--json', '--db', temp.db])).out) as {
      subsetOccurrences: number;
      restOccurrences: number;
    };
    const official = JSON.parse((await runPizhu(['freq', '--attribute', 'outlet=官方', '--json', '--db', temp.db])).out) as {
      totalOccurrences: number;
    };
    const all = JSON.parse((await runPizhu(['freq', '--json', '--db', temp.db])).out) as { totalOccurrences: number };
    expect(keyness).toMatchObject({ subsetOccurrences: official.totalOccurrences, restOccurrences: all.totalOccurrences - official.totalOccurrences });
    const bad = await runPizhu(['freq', '--attribute', 'outlet', '--db', temp.db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--attribute needs NAME=VALUE');
    expect((await runPizhu(['freq', '--attribute', 'nothing=x', '--db', temp.db])).err).toContain('There is no attribute "nothing"');
  });
});
