/**
 * Issue #15, items 2 and 3: every (source region, mode) pair runs OpenCC's own config, checked
 * against OpenCC's test cases through the path a reader uses, createConverter(script, mode, region).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import OpenCC, { type ConverterFunction } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  conversionSteps,
  sourceRegions,
  stepNames,
  type SourceRegion,
} from '../../../../preload/common/conversionTable';
import { configName, createConverter, type OpenccLocale } from '../../../../preload/common/createConverter';
import { rangeToCanonical } from '../../../../preload/common/offsetMap';
import { scriptModes, type ScriptMode } from '../../../../preload/common/scriptModes';
import { offsetMapProblems } from './offsetMapChecks';
import { openccCorpus, openccCorpusPresent, readOpenccCases } from './openccTestcases';

type ReaderPath = readonly ['simplified' | 'traditional', SourceRegion, ScriptMode];

/** The OpenCC configs a reader's view runs, with the (script, region, mode) that runs each. */
const readerPaths: Record<string, ReaderPath> = {
  s2t: ['simplified', 'mainland', 't'],
  s2tw: ['simplified', 'mainland', 'tw'],
  s2twp: ['simplified', 'mainland', 'twp'],
  s2hk: ['simplified', 'mainland', 'hk'],
  t2s: ['traditional', 'generic', 'cn'],
  t2tw: ['traditional', 'generic', 'tw'],
  t2hk: ['traditional', 'generic', 'hk'],
  tw2sp: ['traditional', 'taiwan', 'cn'],
  tw2t: ['traditional', 'taiwan', 't'],
  hk2sp: ['traditional', 'hongkong', 'cn'],
  hk2t: ['traditional', 'hongkong', 't'],
};

/**
 * Configs no reader's view runs as such. tw2s and hk2s convert the characters only; a reader of a
 * Taiwan or Hong Kong article in 简体 gets the phrase configs tw2sp and hk2sp, so their cases are
 * run through those and each disagreement is listed below.
 */
const otherConfigs = {
  tw2s: 'tw2sp',
  hk2s: 'hk2sp',
  s2hkp: null, // no 香港(詞彙) mode
  jp2t: null, // Japanese kanji: no mode
  t2jp: null,
} as const;

/** Where the reader's path knowingly differs from a case's expectation, by case, with why. */
const knownDifferences: Record<string, string> = {
  // opencc-js 1.4.2 leaves TSCharactersExt out on purpose (tofu risk; its README, 1.3.2 CHANGELOG).
  'BYVoid_OpenCC_PR_1228_existing_behaviors t2s': 'opencc-js dictionary gap: TSCharactersExt 殢 -> 𣨼',
  'BYVoid_OpenCC_PR_1229_existing_behaviors t2s': 'opencc-js dictionary gap: TSCharactersExt 圞 -> 𪢮',
  'BYVoid_OpenCC_PR_464_xi_vs_xi t2s': 'opencc-js dictionary gap: TSCharactersExt 樠 -> 𣗊',
  // tw2s cases read through tw2sp: the Taiwan phrase is read back into the mainland one.
  'ByVoid_OpenCC_Issue950_AlgorithmConversionRev tw2s': 'tw2sp phrase: 演算法 -> 算法',
  'nVidia_naming_t2s tw2s': 'tw2sp phrase: 輝達 -> 英伟达',
  'medical_terms_tw_tw2sp tw2s': 'tw2sp phrases: 攝護腺 -> 前列腺, 憂鬱症 -> 抑郁症',
  'medical_phrases_tw_tw2sp tw2s': 'tw2sp phrases: B型肝炎 -> 乙型肝炎, 阿斯匹靈 -> 阿司匹林',
  'medical_phrases_tw_neuro_tw2sp tw2s': 'tw2sp phrases: 阿茲海默症 -> 阿尔茨海默症, 電腦斷層 -> 计算机断层',
  'medical_phrases_tw_cardio_tw2sp tw2s': 'tw2sp phrase: 心肌梗塞 -> 心肌梗死',
  'medical_phrases_tw_ultrasound_tw2sp tw2s': 'tw2sp phrase: 超音波 -> 超声波',
  'dioxin_terms_tw_tw2sp tw2s': 'tw2sp phrase: 戴奧辛 -> 二𫫇英',
  'hantavirus_tw2sp tw2s': 'tw2sp phrase: 漢他病毒 -> 汉坦病毒',
  'variants_tw_tw2sp tw2s': 'tw2sp phrases: 社群 -> 社区, 核取方塊 -> 复选框',
  'fruit_dried_phrases_t2s tw2s': 'tw2sp phrase: 榴槤 -> 榴莲',
  'BYVoid_OpenCC_Issue_1246_core_reverse_phrase tw2s': 'tw2sp phrase: 核心 -> 内核',
  'BYVoid_OpenCC_Issue_1275_amino_acid_tw2x tw2s': 'tw2sp phrases: 胺基酸 -> 氨基酸 and the amino acids',
  'BYVoid_OpenCC_Issue_506 tw2s': 'tw2sp phrase: 機率 -> 概率',
  // hk2s cases read through hk2sp.
  'BYVoid_OpenCC_Issue_506 hk2s': 'hk2sp phrases: 機率 -> 几率, 機會率 -> 概率',
};

function reader([script, region, mode]: ReaderPath) {
  return createConverter(script, mode, region);
}

/** opencc-js itself, the steps chained: what the reader's view must equal. */
function reference(steps: readonly (readonly [OpenccLocale, OpenccLocale])[]): ConverterFunction {
  const fns = steps.map(([from, to]) => OpenCC.Converter({ from, to }));
  return (text: string) => fns.reduce((t, f) => f(t), text);
}

describe('the conversion table', () => {
  it('names OpenCC’s config for every (source region, mode) pair', () => {
    const table = Object.fromEntries(
      sourceRegions.map((region) => [
        region,
        Object.fromEntries(
          scriptModes.map((mode) => [
            mode,
            stepNames(conversionSteps(region === 'mainland' ? 'simplified' : 'traditional', region, mode), configName),
          ]),
        ),
      ]),
    );
    expect(table).toEqual({
      mainland: { original: 'as stored', cn: 'as stored', t: 's2t', tw: 's2tw', twp: 's2twp', hk: 's2hk' },
      generic: { original: 'as stored', cn: 't2s', t: 'as stored', tw: 't2tw', twp: 't2twp', hk: 't2hk' },
      taiwan: { original: 'as stored', cn: 'tw2sp', t: 'tw2t', tw: 'as stored', twp: 'as stored', hk: 'tw2t+t2hk' },
      hongkong: { original: 'as stored', cn: 'hk2sp', t: 'hk2t', tw: 'hk2t+t2tw', twp: 'hk2t+t2twp', hk: 'as stored' },
    });
  });

  it('reads simplified text the same whatever region it is marked with (Singapore and Malaysia convert as the mainland)', () => {
    for (const mode of scriptModes) {
      for (const region of sourceRegions) {
        expect(createConverter('simplified', mode, region)).toBe(createConverter('simplified', mode, 'mainland'));
      }
    }
  });

  it('shows a Taiwan article in 简体 with mainland words: 計程車 reads 出租车, 網際網路 reads 互联网', () => {
    const { text } = createConverter('traditional', 'cn', 'taiwan').convert('搭計程車，上網際網路，用軟體');
    expect(text).toBe('搭出租车，上互联网，用软件');
    // Before regions, a Taiwan article went through t2s: the words stayed Taiwan's.
    expect(createConverter('traditional', 'cn').convert('搭計程車，上網際網路').text).toBe('搭计程车，上网际网路');
  });

  it('maps a highlight on a phrase that changed length (網際網路 -> 互联网) back to the stored characters, in every pair', () => {
    const source = '他用網際網路看著影片';
    const { text, map } = createConverter('traditional', 'cn', 'taiwan').convert(source);
    expect(text).toBe('他用互联网看着视频');
    const range = rangeToCanonical(map, { start: 2, end: 5 });
    expect(source.slice(range.start, range.end)).toBe('網際網路');
    const inside = rangeToCanonical(map, { start: 3, end: 4 });
    expect(source.slice(inside.start, inside.end)).toBe('網際網路');
    for (const region of sourceRegions) {
      for (const mode of scriptModes) {
        const converted = createConverter(region === 'mainland' ? 'simplified' : 'traditional', mode, region).convert(
          source,
        );
        expect(offsetMapProblems(converted.map), `${region} ${mode}`).toEqual([]);
      }
    }
  });

  it('chains hk2t and t2tw with one map (a Hong Kong article in 臺灣), equal to opencc-js run twice', () => {
    const source = '的士司機着實温和，説裏面衞生綫很好';
    const { text, map } = createConverter('traditional', 'tw', 'hongkong').convert(source);
    expect(text).toBe(
      reference([
        ['hk', 't'],
        ['t', 'tw'],
      ])(source),
    );
    expect(offsetMapProblems(map)).toEqual([]);
    const twp = createConverter('traditional', 'twp', 'hongkong').convert('的士司機用軟件');
    expect(twp.text).toBe('計程車司機用軟體');
    const at = twp.text.indexOf('計程車');
    const r = rangeToCanonical(twp.map, { start: at, end: at + 3 });
    expect('的士司機用軟件'.slice(r.start, r.end)).toBe('的士');
  });
});

describe('every region and mode over the seeds, as traditional text of each region', () => {
  const seedDir = path.resolve(process.cwd(), 'seeds');
  const seedTexts = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(seedDir, f), 'utf8'));
  // Each seed written as Taiwan (s2twp), Hong Kong (s2hk) and standard (s2t) text, paragraph by paragraph.
  const written: Record<Exclude<SourceRegion, 'mainland'>, string[]> = { taiwan: [], hongkong: [], generic: [] };
  for (const seed of seedTexts) {
    for (const paragraph of seed.split('\n').filter((p) => p.trim() !== '')) {
      written.taiwan.push(OpenCC.Converter({ from: 'cn', to: 'twp' })(paragraph));
      written.hongkong.push(OpenCC.Converter({ from: 'cn', to: 'hk' })(paragraph));
      written.generic.push(OpenCC.Converter({ from: 'cn', to: 't' })(paragraph));
    }
  }

  it('gives opencc-js’s output, steps chained, with a sound map, in every mode', () => {
    const failures: string[] = [];
    for (const [region, paragraphs] of Object.entries(written) as [SourceRegion, string[]][]) {
      for (const mode of scriptModes) {
        const converter = createConverter('traditional', mode, region);
        const expected = reference(conversionSteps('traditional', region, mode));
        for (const text of paragraphs) {
          const { text: out, map } = converter.convert(text);
          if (out !== expected(text)) failures.push(`${region} ${mode}: ${text.slice(0, 30)}`);
          for (const p of offsetMapProblems(map)) failures.push(`${region} ${mode}: ${p}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(written.taiwan.length).toBeGreaterThanOrEqual(100);
  });

  it('keeps a sound map for mixed text (a paragraph of each script joined) in every mode', () => {
    const failures: string[] = [];
    for (let i = 0; i + 1 < written.taiwan.length; i += 7) {
      const mixed = `${written.taiwan[i]}${seedTexts[0]!.split('\n')[2] ?? ''}`;
      for (const mode of scriptModes) {
        for (const p of offsetMapProblems(createConverter('mixed', mode).convert(mixed).map))
          failures.push(`${mode}: ${p}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe('a Taiwan article in 简体 writes 着 where mainland text does', () => {
  const seedDir = path.resolve(process.cwd(), 'seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(seedDir, f), 'utf8'));

  it('mainland text made Taiwan’s (s2twp) reads back with every 着 in its place', () => {
    let checked = 0;
    for (const mainland of seeds) {
      if (createConverter('traditional', 'cn').convert(mainland).text !== mainland) continue; // a traditional seed
      const taiwan = createConverter('simplified', 'twp').convert(mainland).text;
      const back = createConverter('traditional', 'cn', 'taiwan').convert(taiwan).text;
      const positions = (s: string) => [...s].flatMap((c, i) => (c === '着' ? [i] : []));
      expect(positions(back)).toEqual(positions(mainland));
      checked += positions(mainland).length;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

if (!openccCorpusPresent)
  console.warn(`[opencc corpus] ${openccCorpus} is absent: the per-pair OpenCC cases are SKIPPED.`);

describe.skipIf(!openccCorpusPresent)("OpenCC's test cases through the reader's path, per pair", () => {
  const cases = openccCorpusPresent ? readOpenccCases() : [];
  const configs = [...new Set(cases.flatMap((c) => Object.keys(c.expected)))].sort();
  const differencesSeen = new Set<string>();

  it('knows every config the cases use: a reader path, or why none', () => {
    expect(configs.filter((c) => !(c in readerPaths) && !(c in otherConfigs))).toEqual([]);
  });

  const runnable = configs.filter((c) => c in readerPaths || (otherConfigs as Record<string, string | null>)[c]);
  it.each(runnable)('%s cases through createConverter(script, mode, region)', (config) => {
    const instead = (otherConfigs as Record<string, string | null>)[config];
    const path_ = readerPaths[instead ?? config]!;
    const converter = reader(path_);
    const failures: string[] = [];
    for (const c of cases) {
      const expected = c.expected[config];
      if (expected === undefined) continue;
      const label = `${c.id} ${config}`;
      const { text, map } = converter.convert(c.input);
      for (const p of offsetMapProblems(map)) failures.push(`${label}: map: ${p}`);
      if (text === expected) {
        if (label in knownDifferences) failures.push(`${label}: listed as a known difference but now agrees`);
        continue;
      }
      if (label in knownDifferences) {
        differencesSeen.add(label);
        // Still exactly opencc-js with the config the reader runs.
        const steps = conversionSteps(path_[0], path_[1], path_[2]);
        const expectedByReader = reference(steps)(c.input);
        if (text !== expectedByReader)
          failures.push(`${label}: differs from opencc-js ${stepNames(steps, configName)} too: ${text}`);
        continue;
      }
      failures.push(
        `${label}: ${JSON.stringify(c.input)}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(text)}`,
      );
    }
    expect(failures).toEqual([]);
  });

  it('lists no difference that no case shows', () => {
    expect(Object.keys(knownDifferences).filter((k) => !differencesSeen.has(k))).toEqual([]);
  });

  it('per-config files of 2026-01-13 through the reader’s path', () => {
    const dir = path.join(openccCorpus, 'per-config-2026-01-13');
    const failures: string[] = [];
    let lines = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.in'))) {
      const config = file.slice(0, -3);
      const readerPath = readerPaths[config];
      if (!readerPath) continue; // tw2s, hk2s, jp2t, t2jp: as above
      const inputs = readFileSync(path.join(dir, file), 'utf8').split('\n');
      const answers = readFileSync(path.join(dir, `${config}.ans`), 'utf8').split('\n');
      inputs.forEach((input, i) => {
        lines++;
        const { text } = reader(readerPath).convert(input);
        if (text !== (answers[i] ?? '')) failures.push(`${file}:${i + 1}: ${text} (OpenCC ${answers[i]})`);
      });
    }
    expect(failures).toEqual([]);
    expect(lines).toBeGreaterThan(10);
  });

  it.each(['s2t', 's2tw', 's2twp', 's2hk'])('golden us_constitution_zhs.%s.txt through the reader’s path', (config) => {
    const input = readFileSync(path.join(openccCorpus, 'golden/input/us_constitution_zhs.txt'), 'utf8');
    const expected = readFileSync(path.join(openccCorpus, `golden/output/us_constitution_zhs.${config}.txt`), 'utf8');
    expect(reader(readerPaths[config]!).convert(input).text === expected).toBe(true);
  });
});
