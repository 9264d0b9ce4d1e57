/**
 * The optimized conversion (typed-array tries, reused buffers, skipped stages) gives exactly
 * what the straightforward one gave: the same text, the same offset map, the same pieces, on
 * every seed paragraph, whole seeds, and generated text full of the cases that need care
 * (surrogate pairs, lone surrogates, ideographic description sequences, compatibility
 * ideographs that normalization changes, regional variants the later stages change).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Locale } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createLocaleConverter, type OpenccLocale } from '../../../../preload/common/createConverter';
import { appConversionPairs } from './appConversions';
import { referenceConvert } from './referenceConversion';

const seedDir = path.resolve(process.cwd(), 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(path.join(seedDir, name), 'utf8'));

/** Deterministic generator (a linear congruential one), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Keys and values of every preset dictionary, to build text the dictionaries act on. */
function dictionaryWords(): string[] {
  const words: string[] = [];
  const visit = (x: unknown): void => {
    if (typeof x === 'string') {
      for (const entry of x.split('|')) words.push(...entry.split(' ').filter((w) => w !== ''));
    } else if (Array.isArray(x)) {
      for (const item of x) visit(item);
    } else if (typeof x === 'object' && x !== null) {
      for (const item of Object.values(x)) visit(item);
    }
  };
  visit(Locale);
  return words;
}

function generatedTexts(count: number): string[] {
  const words = dictionaryWords();
  const next = random(20261);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const odd = [
    '⿰', // ideographic description characters: unmatched sequences are stepped over whole
    '⿱木',
    '⿲',
    '⿻',
    '\u2ff0\u2ff0',
    '𠮷', // outside the BMP
    '𡿨',
    '\ud840', // lone surrogates
    '\udc00',
    '丽', // compatibility ideographs, changed by normalization
    '豈',
    '\uf900',
    '被发明', // an override
    '里',
    '着',
    '为',
    'U盘',
    ' ',
    '，',
    'a1',
  ];
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const pieces = 1 + Math.floor(next() * 40);
    for (let k = 0; k < pieces; k++) {
      const r = next();
      const word = pick(words);
      if (r < 0.55) text += word;
      else if (r < 0.8) text += pick(odd);
      else text += word.slice(0, 1 + Math.floor(next() * word.length)); // may cut a pair
    }
    texts.push(text);
  }
  return texts;
}

const appPairs = appConversionPairs;
/** Every conversion opencc-js has a config for, as the OpenCC corpus test runs them (no overrides). */
const otherPairs: (readonly [OpenccLocale, OpenccLocale])[] = [
  ['cn', 'hkp'],
  ['tw', 'cn'],
  ['twp', 'cn'],
  ['hk', 'cn'],
  ['hkp', 'cn'],
  ['tw', 't'],
  ['hk', 't'],
  ['jp', 't'],
  ['t', 'jp'],
];
const cases = [
  ...appPairs.flatMap(([from, to]) => [[from, to, true] as const, [from, to, false] as const]),
  ...otherPairs.map(([from, to]) => [from, to, false] as const),
];

const inputs = [
  '',
  ...seeds.flatMap((s) => s.split('\n')),
  // Whole seeds as one paragraph: longer than the output buffer's first chunk (4,096 units).
  ...seeds.map((s) => s.replaceAll('\n', '')),
  ...generatedTexts(500),
];

describe('the optimized conversion equals the straightforward one', () => {
  it('has long inputs and every kind of case', () => {
    expect(inputs.some((t) => t.length > 4096)).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s -> %s (overrides: %s): same text, map and pieces', (from, to, withOverrides) => {
    const converter = createLocaleConverter(from, to, withOverrides);
    const failures: string[] = [];
    for (const [n, text] of inputs.entries()) {
      const expected = referenceConvert(from, to, withOverrides, text);
      const { text: out, map } = converter.convert(text);
      const got = [out, [...map.sourceBounds], [...map.convertedBounds], [...map.kinds]];
      const want = [
        expected.text,
        [...expected.map.sourceBounds],
        [...expected.map.convertedBounds],
        [...expected.map.kinds],
      ];
      if (JSON.stringify(got) !== JSON.stringify(want))
        failures.push(`input ${n} ${JSON.stringify(text.slice(0, 40))}: map`);
      if (map.source !== text || map.converted !== out) failures.push(`input ${n}: map texts`);
      if (JSON.stringify(converter.convertSegments(text)) !== JSON.stringify(expected.segments))
        failures.push(`input ${n} ${JSON.stringify(text.slice(0, 40))}: pieces`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('gives each call its own map, also for empty text', () => {
    const converter = createLocaleConverter('cn', 'tw');
    const a = converter.convert('');
    const b = converter.convert('');
    expect(a.map).not.toBe(b.map);
    expect(a.map.sourceBounds).not.toBe(b.map.sourceBounds);
    expect([...a.map.sourceBounds, ...a.map.convertedBounds, ...a.map.kinds]).toEqual([0, 0]);
    const first = converter.convert('软件里的U盘');
    const firstBounds = [...first.map.sourceBounds];
    converter.convert('后来的𠮷');
    // A later call does not change an earlier result (the buffers are reused, the results are not).
    const expected = referenceConvert('cn', 'tw', true, '软件里的U盘');
    expect(first.text).toBe(expected.text);
    expect(first.map.converted).toBe(expected.text);
    expect(firstBounds).toEqual([...expected.map.sourceBounds]);
    expect([...first.map.sourceBounds]).toEqual(firstBounds);
  });
});
