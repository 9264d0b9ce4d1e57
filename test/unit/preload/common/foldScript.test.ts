import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldToSimplified } from '../../../../preload/common/foldScript';

const seedDir = path.resolve(process.cwd(), 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(seedDir, name), 'utf8') }));
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
/** Seeds that are simplified: converting them to traditional changes them, and t -> cn does not. */
const simplifiedSeeds = seeds.filter((s) => s2t(s.text) !== s.text && t2s(s.text) === s.text);
const traditionalSeeds = seeds.filter((s) => t2s(s.text) !== s.text);

describe('foldToSimplified', () => {
  it('folds traditional, Taiwan and Hong Kong forms to simplified', () => {
    expect(foldToSimplified('臺灣裡的衞生紙')).toBe('台湾里的卫生纸');
    expect(foldToSimplified('閩南網記者說')).toBe('闽南网记者说');
    expect(foldToSimplified('敍述，枱面，綫')).toBe('叙述，台面，线');
  });

  it('keeps what needs no folding, including astral characters and other scripts', () => {
    for (const s of ['', 'abc 123', '𠮷野家', '什么', 'Zürich — ok', '\uD842']) expect(foldToSimplified(s)).toBe(s);
  });

  it('normalizes CJK compatibility ideographs, in and out of the BMP', () => {
    expect(foldToSimplified('\uFA6C\u{2F801}')).toBe('\u{242EE}丸');
  });

  it('is character by character, so a query folds the same alone as inside a text', () => {
    // t -> cn with phrases writes 乾隆 but 干 for 乾 alone; the fold must not.
    expect(t2s('乾隆')).toBe('乾隆');
    expect(foldToSimplified('乾隆')).toBe(foldToSimplified('乾') + foldToSimplified('隆'));
    for (const { text } of seeds) {
      expect(foldToSimplified(text)).toBe([...text].map(foldToSimplified).join(''));
    }
  });

  it('is idempotent', () => {
    for (const { text } of seeds) expect(foldToSimplified(foldToSimplified(text))).toBe(foldToSimplified(text));
  });

  it('leaves the simplified seeds unchanged', () => {
    expect(simplifiedSeeds.length).toBeGreaterThanOrEqual(3);
    for (const { name, text } of simplifiedSeeds) expect(foldToSimplified(text), name).toBe(text);
  });

  it('folds a traditional seed as t -> cn does, except 著 (folded to 着 so 看著 finds 看着)', () => {
    expect(traditionalSeeds.length).toBeGreaterThanOrEqual(1);
    for (const { name, text } of traditionalSeeds) {
      const folded = foldToSimplified(text);
      expect(folded.replaceAll('着', '著'), name).toBe(t2s(text).replaceAll('着', '著'));
    }
  });

  it('brings the traditional conversions of the simplified seeds back to the same fold', () => {
    for (const to of ['t', 'tw', 'hk'] as const) {
      const convert = OpenCC.Converter({ from: 'cn', to });
      for (const { name, text } of simplifiedSeeds) {
        expect(foldToSimplified(convert(text)), `${name} ${to}`).toBe(foldToSimplified(text));
      }
    }
  });
});
