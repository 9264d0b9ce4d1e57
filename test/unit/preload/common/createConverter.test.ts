import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import OpenCC, { Locale, type ConverterFunction } from 'opencc-js';
// The root entry's .d.ts lists ConverterBuilder, but its ESM build does not export it; core does.
import { ConverterBuilder } from 'opencc-js/core';
import { describe, expect, it } from 'vitest';
import {
  conversionPlan,
  createConverter,
  createLocaleConverter,
  localePair,
  simplifiedOverrides,
  type OpenccLocale,
} from '../../../../preload/common/createConverter';
import { isScriptMode, scriptModeLabels, scriptModes } from '../../../../preload/common/scriptModes';
import { appConversionPairs, detectedScripts } from './appConversions';
import { offsetMapProblems } from './offsetMapChecks';

const seedDir = path.resolve(process.cwd(), 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(seedDir, name), 'utf8') }));

const scripts = detectedScripts;
const usedPairs = appConversionPairs;

/** opencc-js running our plan (with the overrides) through its own engine: whole text at once. */
function referenceWithOverrides(from: OpenccLocale, to: OpenccLocale): ConverterFunction {
  const plan = conversionPlan(from, to, true);
  const config = {
    normalizationChain: plan.normalizationChain,
    segmentation: plan.segmentation ?? '',
    conversionChain: plan.conversionChain,
  };
  return ConverterBuilder({ from: Locale.from, to: Locale.to, configs: { [plan.name]: config } })({ from, to });
}

describe('timing (printed, not asserted)', () => {
  it('reports the first converter build and the conversion of the longest seed', () => {
    const t0 = performance.now();
    const converter = createConverter('simplified', 'tw');
    converter.prepare();
    const build = performance.now() - t0;
    const longest = seeds.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const paragraphs = longest.text.split('\n');
    const t1 = performance.now();
    for (const p of paragraphs) converter.convert(p);
    const convert = performance.now() - t1;
    console.log(
      `[conversion timing] first converter build (simplified -> tw): ${build.toFixed(1)} ms; ` +
        `converting the longest seed ${longest.name} (${longest.text.length} UTF-16 units, ` +
        `${paragraphs.length} paragraphs, with offset maps): ${convert.toFixed(1)} ms`,
    );
    expect(build).toBeGreaterThan(0);
  });
});

describe('script modes', () => {
  it('names six modes with labels and recognises them', () => {
    expect(scriptModes).toEqual(['original', 'cn', 't', 'tw', 'twp', 'hk']);
    expect(scriptModeLabels).toEqual({
      original: '原文',
      cn: '简体',
      t: '繁體',
      tw: '臺灣',
      twp: '臺灣(詞彙)',
      hk: '香港',
    });
    expect(scriptModes.every(isScriptMode)).toBe(true);
    for (const x of ['', 'hkp', 's2t', null, 3, undefined, {}]) expect(isScriptMode(x)).toBe(false);
  });

  it('chooses the opencc-js conversion from the article script and the mode', () => {
    const table = Object.fromEntries(
      scripts.map((s) => [
        s,
        Object.fromEntries(scriptModes.map((m) => [m, localePair(s, m)?.join('>') ?? 'as stored'])),
      ]),
    );
    expect(table).toEqual({
      simplified: { original: 'as stored', cn: 'as stored', t: 'cn>t', tw: 'cn>tw', twp: 'cn>twp', hk: 'cn>hk' },
      traditional: { original: 'as stored', cn: 't>cn', t: 'as stored', tw: 't>tw', twp: 't>twp', hk: 't>hk' },
      mixed: { original: 'as stored', cn: 't>cn', t: 'cn>t', tw: 'cn>tw', twp: 'cn>twp', hk: 'cn>hk' },
      unknown: { original: 'as stored', cn: 't>cn', t: 'cn>t', tw: 'cn>tw', twp: 'cn>twp', hk: 'cn>hk' },
    });
  });

  it('shows the stored text unchanged where no conversion applies', () => {
    const text = '他被发明家U盘𠮷';
    for (const [from, to] of [
      ['simplified', 'original'],
      ['simplified', 'cn'],
      ['traditional', 't'],
    ] as const) {
      const { text: out, map } = createConverter(from, to).convert(text);
      expect(out).toBe(text);
      expect(offsetMapProblems(map)).toEqual([]);
    }
  });

  it('lets t -> cn (used for mixed and unknown articles in 简体) leave simplified text alone', () => {
    const convert = createConverter('mixed', 'cn');
    let simplified = 0;
    for (const { name, text } of seeds) {
      // A seed OpenCC changes more towards traditional than towards simplified is a simplified seed.
      const towardsT = OpenCC.Converter({ from: 'cn', to: 't' })(text);
      const towardsS = convert.convert(text).text;
      const chars = [...text];
      const changed = (a: string): number => [...a].filter((c, i) => c !== chars[i]).length;
      if (changed(towardsT) > changed(towardsS)) {
        simplified++;
        expect(towardsS, name).toBe(text);
      }
    }
    expect(simplified).toBeGreaterThanOrEqual(3);
  });

  it('builds one converter per conversion and shares it', () => {
    expect(createConverter('mixed', 'tw')).toBe(createConverter('mixed', 'tw'));
    expect(createConverter('unknown', 'cn')).toBe(createConverter('traditional', 'cn'));
    expect(createConverter('traditional', 'cn', 'taiwan')).toBe(createConverter('traditional', 'cn', 'taiwan'));
    expect(createConverter('traditional', 'cn', 'taiwan')).not.toBe(createConverter('traditional', 'cn'));
    expect(createConverter('simplified', 'hk')).not.toBe(createConverter('simplified', 'tw'));
  });
});

describe('user overrides', () => {
  it('writes 被发明 as 被發明, not 被髮明, in every simplified-to-traditional mode', () => {
    const input = '它被发明于1990年，被发型师用';
    for (const mode of ['t', 'tw', 'twp', 'hk'] as const) {
      const [from, to] = localePair('simplified', mode) ?? ['cn', 'cn'];
      const opencc = OpenCC.Converter({ from, to })(input);
      expect(opencc, mode).toContain('被髮明'); // OpenCC's own mistake
      const { text, map } = createConverter('simplified', mode).convert(input);
      // Only the override changes; 被发型 is not in the table and stays as OpenCC writes it.
      expect(text, mode).toBe(opencc.replace('被髮明', '被發明'));
      expect(offsetMapProblems(map)).toEqual([]);
    }
  });

  it('gives each override the traditional form OpenCC gives the phrase after 被', () => {
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    for (const [source, target] of simplifiedOverrides) {
      expect(target, source).toBe('被' + s2t(source.slice(1)));
      expect(createConverter('simplified', 't').convert(`他${source}了`).text).toBe(`他${target}了`);
    }
  });

  it('changes nothing for text without an override phrase (OpenCC idioms with 被发 keep 被髮)', () => {
    const converter = createConverter('simplified', 't');
    expect(converter.convert('被发左衽，被发文身').text).toBe('被髮左衽，被髮文身');
    expect(converter.convert('被发现了').text).toBe('被發現了');
  });
});

describe('segment by segment equals the whole paragraph (DESIGN §10), on every seed paragraph', () => {
  const paragraphs = seeds.flatMap((s) => s.text.split('\n').map((text, i) => ({ where: `${s.name}:${i + 1}`, text })));

  it('has the seed paragraphs to check', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    expect(paragraphs.length).toBeGreaterThanOrEqual(300);
  });

  it.each(usedPairs.map((p) => [p[0], p[1]] as const))('%s -> %s: pieces join to opencc-js output', (from, to) => {
    const plain = OpenCC.Converter({ from, to });
    const withOverrides = referenceWithOverrides(from, to);
    const exact = createLocaleConverter(from, to, false);
    const ours = createLocaleConverter(from, to, true);
    const failures: string[] = [];
    let pieces = 0;
    for (const { where, text } of paragraphs) {
      for (const [converter, reference, label] of [
        [exact, plain, 'opencc-js'],
        [ours, withOverrides, 'with overrides'],
      ] as const) {
        const segs = converter.convertSegments(text);
        pieces += segs.length;
        const whole = reference(text);
        if (segs.map((s) => s[0]).join('') !== text) failures.push(`${where} ${label}: sources do not rejoin`);
        if (segs.map((s) => s[1]).join('') !== whole) failures.push(`${where} ${label}: joined pieces != whole`);
        // Each piece, converted on its own, gives its converted piece.
        for (const [src, dst] of segs) {
          if (reference(src) !== dst)
            failures.push(`${where} ${label}: ${src} -> ${reference(src)} alone, ${dst} in context`);
        }
        const { text: out, map } = converter.convert(text);
        if (out !== whole) failures.push(`${where} ${label}: convert().text != whole`);
        for (const p of offsetMapProblems(map)) failures.push(`${where} ${label}: ${p}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(pieces).toBeGreaterThan(paragraphs.length);
  });

  it('also covers the script of each seed through createConverter in all six modes', () => {
    for (const { text } of paragraphs) {
      for (const from of scripts) {
        for (const to of scriptModes) {
          const { text: out, map } = createConverter(from, to).convert(text);
          expect(map.source).toBe(text);
          expect(map.converted).toBe(out);
        }
      }
    }
  });
});
