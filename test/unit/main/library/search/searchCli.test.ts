import { beforeEach, describe, expect, it } from 'vitest';
import type { AutocodeResult, SearchResult } from '../../../../../preload/contract/api';
import { seedsDir } from '../../../../support/seededLibrary';
import { runPizhu, tempLibraryEachTest } from '../../../../support/runPizhu';

const temp = tempLibraryEachTest('pizhu-search-cli-');
const pizhu = (args: string[]) => runPizhu([...args, '--db', temp.db]);
beforeEach(async () => {
  await pizhu(['import', seedsDir]);
});

describe('pizhu search', () => {
  it('prints hits under their article title with the paragraph order and the match in 【】', async () => {
    const { code, out } = await pizhu(['search', '晉江', '出入境']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^\S.* {2}\(article \d+\)$/);
    for (const line of lines.slice(1, -1)) {
      expect(line).toMatch(/^(\S.* {2}\(article \d+\)| {2}¶\d+ \w+: .*【(晉江|出入境)】.*)$/);
    }
    expect(lines.filter((l) => l.startsWith('  ¶'))).toHaveLength(Number(/^(\d+) hits$/.exec(lines.at(-1)!)?.[1]));
  });

  it('answers --json with the search result, filtered by --article and --tag', async () => {
    const all = JSON.parse((await pizhu(['search', '晋江', '--json'])).out) as SearchResult;
    expect(all.total).toBeGreaterThan(10);
    const one = JSON.parse((await pizhu(['search', '晋江', '--article', '3', '--json'])).out) as SearchResult;
    expect(one.hits.length).toBeGreaterThan(0);
    expect(one.hits.every((h) => h.articleId === 3)).toBe(true);
    const tagged = JSON.parse((await pizhu(['search', '晋江', '--tag', 'nothing', '--json'])).out) as SearchResult;
    expect(tagged).toEqual({ hits: [], total: 0 });
    expect((await pizhu(['search', '晋江', '--limit', '2'])).out).toMatch(/2 of \d+ hits/);
  });

  it('takes a word in its regional form as the app does: 網際網路 finds the seeds’ 互联网', async () => {
    const { code, out } = await pizhu(['search', '網際網路']);
    expect(code).toBe(0);
    const hitLines = out.split('\n').filter((l) => l.startsWith('  ¶'));
    expect(hitLines.length).toBeGreaterThan(0);
    for (const line of hitLines) expect(line).toContain('【互联网】');
  });

  it('exits 2 on bad usage and 1 on a user error', async () => {
    expect((await pizhu(['search'])).code).toBe(2);
    expect((await pizhu(['search', '晋江', '--article', 'x'])).code).toBe(2);
    const missing = await pizhu(['search', '晋江', '--article', '99']);
    expect(missing).toMatchObject({ code: 1, err: 'pizhu: There is no article 99 in the library.\n' });
    expect((await pizhu(['search', '?!'])).code).toBe(1);
  });
});

describe('pizhu autocode', () => {
  it('tags every matching paragraph, or highlights every match with --span', async () => {
    const tagged = JSON.parse(
      (await pizhu(['autocode', '背包精神', '--tag', 'spirit', '--json'])).out,
    ) as AutocodeResult;
    expect(tagged.paragraphs).toBeGreaterThan(0);
    expect(tagged.highlights).toBe(0);
    const spans = await pizhu(['autocode', '背包精神', '--tag', 'spirit/span', '--span']);
    expect(spans.out).toMatch(/^\d+ matches highlighted in \d+ paragraphs of \d+ articles with "spirit\/span"/);
    const filtered = JSON.parse((await pizhu(['search', '背包精神', '--tag', 'spirit', '--json'])).out) as SearchResult;
    expect(filtered.hits.filter((h) => h.kind === 'paragraph')).toHaveLength(tagged.paragraphs);
    expect((await pizhu(['autocode', '背包精神', '--tag', 'spirit'])).out).toMatch(/^nothing to tag/);
  });

  it('a tag given in the other script is the existing tag, not a second one', async () => {
    await pizhu(['autocode', '晋江', '--tag', '技术']);
    const before = JSON.parse((await pizhu(['stats', '--json'])).out) as { tags: number };
    const again = JSON.parse((await pizhu(['autocode', '背包精神', '--tag', '技術', '--json'])).out) as AutocodeResult;
    expect(again.paragraphs).toBeGreaterThan(0);
    expect((JSON.parse((await pizhu(['stats', '--json'])).out) as { tags: number }).tags).toBe(before.tags);
    const byTraditional = JSON.parse((await pizhu(['search', '背包精神', '--tag', '技術', '--json'])).out) as SearchResult;
    const bySimplified = JSON.parse((await pizhu(['search', '背包精神', '--tag', '技术', '--json'])).out) as SearchResult;
    expect(byTraditional.total).toBeGreaterThanOrEqual(again.paragraphs);
    expect(byTraditional).toEqual(bySimplified);
  });

  it('--within TAG codes only the hits a search with --tag TAG shows', async () => {
    await pizhu(['autocode', '背包精神', '--tag', 'spirit']);
    const within = JSON.parse(
      (await pizhu(['autocode', '晋江', '--tag', 'place', '--within', 'spirit', '--json'])).out,
    ) as AutocodeResult;
    const filtered = JSON.parse(
      (await pizhu(['search', '晋江', '--tag', 'spirit', '--json', '--limit', '500'])).out,
    ) as SearchResult;
    expect(within.paragraphs).toBe(filtered.hits.filter((h) => h.kind === 'paragraph').length);
    const everywhere = JSON.parse((await pizhu(['search', '晋江', '--json', '--limit', '500'])).out) as SearchResult;
    expect(within.paragraphs).toBeLessThan(everywhere.hits.filter((h) => h.kind === 'paragraph').length);
  });

  it('needs --tag', async () => {
    const result = await pizhu(['autocode', '晋江']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/autocode needs --tag T/);
  });
});
