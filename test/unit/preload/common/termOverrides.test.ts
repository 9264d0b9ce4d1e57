/**
 * Issue #15 item 6: a translator's own conversions. An override shows its source as its target in
 * the modes it names, through createConverter (the reader's, export's, the CLI's path), with an
 * offset map that lands a highlight made on the target on the stored characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../../preload/common/createConverter';
import { rangeToCanonical, rangeToConverted } from '../../../../preload/common/offsetMap';
import type { OverrideRule } from '../../../../preload/common/termOverrides';
import { offsetMapProblems } from './offsetMapChecks';

/** A highlight made on `word` as the reader shows `converted`: the stored characters it is saved on. */
function storedUnder(
  source: string,
  overrides: readonly OverrideRule[],
  word: string,
  mode: 'cn' | 't' | 'tw' | 'twp' | 'hk',
  script: 'simplified' | 'traditional' | 'mixed' = 'simplified',
  region: 'mainland' | 'taiwan' | 'hongkong' | 'generic' = 'mainland',
) {
  const { text, map } = createConverter(script, mode, region, overrides).convert(source);
  const at = text.indexOf(word);
  expect(at, `"${word}" in "${text}"`).toBeGreaterThanOrEqual(0);
  const range = rangeToCanonical(map, { start: at, end: at + word.length });
  return source.slice(range.start, range.end);
}

describe('term overrides in the conversion', () => {
  const psychology: OverrideRule[] = [{ source: '心理发展', target: '心理發展', modes: ['t', 'tw'] }];

  it('shows the source as the target in the modes named, and as OpenCC does elsewhere', () => {
    const source = '儿童的心理发展很快';
    // Without the override, twp makes what OpenCC makes; the override names t and tw only.
    const plain = createConverter('simplified', 'twp', 'mainland').convert(source).text;
    expect(createConverter('simplified', 'twp', 'mainland', psychology).convert(source).text).toBe(plain);
    expect(createConverter('simplified', 't', 'mainland', psychology).convert(source).text).toBe('兒童的心理發展很快');
    expect(createConverter('simplified', 'original', 'mainland', psychology).convert(source).text).toBe(source);
    expect(createConverter('simplified', 'cn', 'mainland', psychology).convert(source).text).toBe(source);
  });

  it('keeps a name that must not change: 严华郁 reads 嚴華郁 in every traditional mode (OpenCC writes 嚴華鬱)', () => {
    const keep: OverrideRule[] = [{ source: '严华郁', target: '嚴華郁', modes: ['t', 'tw', 'twp', 'hk'] }];
    const source = '作者严华郁说，这个软件很好';
    for (const mode of ['t', 'tw', 'twp', 'hk'] as const) {
      // The problem: OpenCC alone turns the name's 郁 into 鬱.
      expect(createConverter('simplified', mode, 'mainland').convert(source).text.slice(2, 5), mode).toBe('嚴華鬱');
      const { text, map } = createConverter('simplified', mode, 'mainland', keep).convert(source);
      expect(text.slice(2, 5), mode).toBe('嚴華郁');
      // The rest still converts as OpenCC does: 说 -> 說 (説 in Hong Kong), 这个 -> 這個.
      expect(text.slice(5), mode).toBe(createConverter('simplified', mode, 'mainland').convert(source.slice(5)).text);
      expect(offsetMapProblems(map), mode).toEqual([]);
      expect(storedUnder(source, keep, '嚴華郁', mode)).toBe('严华郁');
    }
    // The identity case: a traditional name stored as it must read, in a mixed article.
    const same: OverrideRule[] = [{ source: '嚴華郁', target: '嚴華郁', modes: ['tw', 'hk'] }];
    for (const mode of ['tw', 'hk'] as const) {
      const { text, map } = createConverter('mixed', mode, 'generic', same).convert('嚴華郁说');
      expect(text.slice(0, 3), mode).toBe('嚴華郁');
      expect(offsetMapProblems(map), mode).toEqual([]);
    }
  });

  it('lands a highlight on a longer target on the shorter stored word, and on a shorter target on the longer one', () => {
    const longer: OverrideRule[] = [{ source: 'AI', target: '人工智慧', modes: ['tw'] }];
    const source = '我们研究AI和软件';
    const { text, map } = createConverter('simplified', 'tw', 'mainland', longer).convert(source);
    expect(text).toBe('我們研究人工智慧和軟件');
    expect(offsetMapProblems(map)).toEqual([]);
    expect(storedUnder(source, longer, '人工智慧', 'tw')).toBe('AI');
    // Inside the target: the whole stored word, never half of it.
    const inside = rangeToCanonical(map, { start: 5, end: 6 });
    expect(source.slice(inside.start, inside.end)).toBe('AI');
    // A stored highlight on AI shows on the whole target, and the text after keeps its place.
    expect(rangeToConverted(map, { start: 4, end: 6 })).toEqual({ start: 4, end: 8 });
    expect(storedUnder(source, longer, '軟件', 'tw')).toBe('软件');

    // The reverse: a long stored phrase shown shorter (網際網路 -> 网络 instead of OpenCC's 互联网).
    const shorter: OverrideRule[] = [{ source: '網際網路', target: '网络', modes: ['cn'] }];
    const taiwan = '他用網際網路看著影片';
    const shown = createConverter('traditional', 'cn', 'taiwan', shorter).convert(taiwan);
    expect(shown.text).toBe('他用网络看着视频');
    expect(offsetMapProblems(shown.map)).toEqual([]);
    expect(storedUnder(taiwan, shorter, '网络', 'cn', 'traditional', 'taiwan')).toBe('網際網路');
    expect(storedUnder(taiwan, shorter, '看着', 'cn', 'traditional', 'taiwan')).toBe('看著');
  });

  it('replaces what OpenCC would make of a phrase, in a Taiwan article too (軟體 -> 軟件 in 香港 instead of 軟體)', () => {
    const term: OverrideRule[] = [{ source: '軟體', target: '軟件', modes: ['hk'] }];
    const source = '這套軟體很好用，軟體動物也是';
    const { text, map } = createConverter('traditional', 'hk', 'taiwan', term).convert(source);
    expect(text.startsWith('這套軟件很好用')).toBe(true);
    expect(offsetMapProblems(map)).toEqual([]);
  });

  it('takes the longest source at each place, from the left, never overlapping', () => {
    const overrides: OverrideRule[] = [
      { source: '发展', target: '[A]', modes: ['t'] },
      { source: '心理发展', target: '[B]', modes: ['t'] },
      { source: '展望', target: '[C]', modes: ['t'] },
    ];
    const { text, map } = createConverter('simplified', 't', 'mainland', overrides).convert('心理发展望发展展望');
    expect(text).toBe('[B]望[A][C]');
    expect(offsetMapProblems(map)).toEqual([]);
  });

  it('maps a surrogate-pair source and target exactly', () => {
    const rare: OverrideRule[] = [{ source: '𠮷野家', target: '吉野家', modes: ['t'] }];
    const source = '去𠮷野家吃饭';
    const { text, map } = createConverter('simplified', 't', 'mainland', rare).convert(source);
    expect(text).toBe(`去吉野家${createConverter('simplified', 't', 'mainland').convert('吃饭').text}`);
    expect(offsetMapProblems(map)).toEqual([]);
    expect(storedUnder(source, rare, '吉野家', 't')).toBe('𠮷野家');
  });

  it('converts text without any source exactly as without overrides, and caches per list', () => {
    const source = '鼠标和软件';
    const list: OverrideRule[] = [{ source: '心理发展', target: '心理發展', modes: ['twp'] }];
    expect(createConverter('simplified', 'twp', 'mainland', list).convert(source).text).toBe(
      createConverter('simplified', 'twp', 'mainland').convert(source).text,
    );
    expect(createConverter('simplified', 'twp', 'mainland', list)).toBe(
      createConverter('simplified', 'twp', 'mainland', list),
    );
    expect(createConverter('simplified', 'twp', 'mainland', [])).toBe(createConverter('simplified', 'twp', 'mainland'));
  });

  it('keeps a sound map on every seed paragraph, in every mode and script, with overrides of every length on its words', () => {
    const seedDir = path.resolve(process.cwd(), 'seeds');
    const paragraphs = readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(path.join(seedDir, f), 'utf8').split(/\n+/))
      .filter((p) => p.length >= 8);
    expect(paragraphs.length).toBeGreaterThan(20);
    // Words taken from the text itself (two, three and four characters in), shown longer, shorter and the same.
    const overrides: OverrideRule[] = paragraphs.slice(0, 40).flatMap((p, i) => [
      { source: p.slice(2, 4), target: '甲乙丙丁'.slice(0, 1 + (i % 4)), modes: ['cn', 't', 'tw', 'twp', 'hk'] },
      { source: p.slice(3, 6), target: p.slice(3, 6), modes: ['t', 'hk'] },
    ]);
    const problems: string[] = [];
    let shown = 0;
    for (const script of ['simplified', 'traditional', 'mixed'] as const) {
      for (const mode of ['cn', 't', 'tw', 'twp', 'hk'] as const) {
        const converter = createConverter(script, mode, script === 'simplified' ? 'mainland' : 'generic', overrides);
        for (const p of paragraphs) {
          const { text, map } = converter.convert(p);
          if (text.includes('甲')) shown++;
          const found = offsetMapProblems(map);
          if (found.length > 0) problems.push(`${script}/${mode} "${p.slice(0, 12)}": ${found[0]}`);
          if (map.source !== p || map.converted !== text) problems.push(`${script}/${mode}: map texts differ`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The overrides did apply: in every script and mode, on the paragraphs they were taken from at least.
    expect(shown).toBeGreaterThanOrEqual(15 * 40);
  });
});
