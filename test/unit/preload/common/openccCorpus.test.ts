/**
 * OpenCC's own test data (BYVoid/OpenCC test/testcases, test/golden), read in place from
 * ../shared/corpus/opencc (see its PROVENANCE.md). Never copied into this repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createConverter,
  createLocaleConverter,
  type OpenccLocale,
  type TextConverter,
} from '../../../../preload/common/createConverter';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';
import { offsetMapProblems } from './offsetMapChecks';
import { openccCorpus, openccCorpusPresent, readOpenccCases } from './openccTestcases';

const corpus = openccCorpus;
const present = openccCorpusPresent;
if (!present) {
  console.warn(`[opencc corpus] ${corpus} is absent: OpenCC's own test cases are SKIPPED.`);
}

/** OpenCC config -> opencc-js locales (checked against the opencc-js README table). */
const configLocales: Record<string, readonly [OpenccLocale, OpenccLocale]> = {
  s2t: ['cn', 't'],
  s2tw: ['cn', 'tw'],
  s2twp: ['cn', 'twp'],
  s2hk: ['cn', 'hk'],
  s2hkp: ['cn', 'hkp'],
  t2s: ['t', 'cn'],
  tw2s: ['tw', 'cn'],
  tw2sp: ['twp', 'cn'],
  hk2s: ['hk', 'cn'],
  hk2sp: ['hkp', 'cn'],
  t2tw: ['t', 'tw'],
  t2hk: ['t', 'hk'],
  tw2t: ['tw', 't'],
  hk2t: ['hk', 't'],
  jp2t: ['jp', 't'],
  t2jp: ['t', 'jp'],
};

/** The configs the app's own (script, mode) conversions are: also run through createConverter, overrides on. */
const appConfigs: Record<string, readonly [DetectedScript, ScriptMode]> = {
  s2t: ['simplified', 't'],
  s2tw: ['simplified', 'tw'],
  s2twp: ['simplified', 'twp'],
  s2hk: ['simplified', 'hk'],
  t2s: ['traditional', 'cn'],
  t2tw: ['traditional', 'tw'],
  t2hk: ['traditional', 'hk'],
};

/**
 * Cases where opencc-js 1.4.2 (and so Pizhu) knowingly differs from C++ OpenCC. All three come
 * from TSCharactersExt, the tofu-risk t2s mappings opencc-js leaves out on purpose (its README
 * and 1.3.2 CHANGELOG): C++ OpenCC maps 殢 -> 𣨼, 圞 -> 𪢮 and 樠 -> 𣗊. The test asserts our
 * output is still exactly what opencc-js gives, so a change on either side shows up here.
 */
const knownDifferences: Record<string, { reason: string; output: string }> = {
  'BYVoid_OpenCC_PR_1228_existing_behaviors t2s': {
    reason: 'TSCharactersExt 殢 -> 𣨼 not bundled by opencc-js',
    output: '殢 殢云尤雨 𣨼 𣨼云尤雨',
  },
  'BYVoid_OpenCC_PR_1229_existing_behaviors t2s': {
    reason: 'TSCharactersExt 圞 -> 𪢮 not bundled by opencc-js',
    output: '剔团𪢮月儿初淡 剔团圞月儿初淡',
  },
  'BYVoid_OpenCC_PR_464_xi_vs_xi t2s': {
    reason: 'TSCharactersExt 樠 -> 𣗊 not bundled by opencc-js',
    output:
      '綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 樠溪 𣲘溪 后溪 太溪 解溪 阳溪；綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 𣗊溪 𣲘溪 后溪 后溪穴 太溪 太溪穴 解溪 解溪穴 阳溪 阳溪穴',
  },
};

const readCases = readOpenccCases;

function run(
  converter: TextConverter,
  input: string,
  expected: string,
  label: string,
  failures: string[],
): 'pass' | 'known' | 'fail' {
  const { text, map } = converter.convert(input);
  for (const p of offsetMapProblems(map)) failures.push(`${label}: map: ${p}`);
  const known = knownDifferences[label];
  if (known) {
    if (text === known.output && text !== expected) return 'known';
    failures.push(`${label}: listed as a known difference (${known.reason}) but gave ${JSON.stringify(text)}`);
    return 'fail';
  }
  if (text === expected) return 'pass';
  failures.push(
    `${label}: ${JSON.stringify(input)}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(text)}`,
  );
  return 'fail';
}

describe.skipIf(!present)("OpenCC's own test cases", () => {
  const cases = present ? readCases() : [];
  const configs = [...new Set(cases.flatMap((c) => Object.keys(c.expected)))].sort();
  const tally = { pass: 0, known: 0, fail: 0 };

  it('reads all 232 cases with 543 expectations over 16 configs', () => {
    expect(cases).toHaveLength(232);
    expect(cases.reduce((n, c) => n + Object.keys(c.expected).length, 0)).toBe(543);
    expect(configs).toEqual(Object.keys(configLocales).sort());
  });

  it.each(configs)('%s through the segment-aligned pipeline gives OpenCC output exactly', (config) => {
    const [from, to] = configLocales[config]!;
    const converter = createLocaleConverter(from, to, false);
    const failures: string[] = [];
    for (const c of cases) {
      const expected = c.expected[config];
      if (expected !== undefined) tally[run(converter, c.input, expected, `${c.id} ${config}`, failures)]++;
    }
    expect(failures).toEqual([]);
  });

  it.each(Object.keys(appConfigs))('%s through createConverter (with overrides) gives the same', (config) => {
    const [script, mode] = appConfigs[config]!;
    const converter = createConverter(script, mode);
    const failures: string[] = [];
    for (const c of cases) {
      const expected = c.expected[config];
      if (expected !== undefined) run(converter, c.input, expected, `${c.id} ${config}`, failures);
    }
    expect(failures).toEqual([]);
  });

  it('every listed difference is a real case', () => {
    const labels = new Set(cases.flatMap((c) => Object.keys(c.expected).map((k) => `${c.id} ${k}`)));
    for (const label of Object.keys(knownDifferences)) expect(labels.has(label), label).toBe(true);
    console.log(
      `[opencc corpus] testcases.json: ${tally.pass} expectations passed, ${tally.known} known differences ` +
        `(${Object.keys(knownDifferences).join('; ')}), ${tally.fail} failed`,
    );
    expect(tally.pass + tally.known).toBe(543);
  });

  it.each(['s2t', 's2tw', 's2twp', 's2hk', 's2hkp'])('golden us_constitution_zhs.%s.txt', (config) => {
    const input = readFileSync(path.join(corpus, 'golden/input/us_constitution_zhs.txt'), 'utf8');
    const expected = readFileSync(path.join(corpus, `golden/output/us_constitution_zhs.${config}.txt`), 'utf8');
    const [from, to] = configLocales[config]!;
    const failures: string[] = [];
    expect(run(createLocaleConverter(from, to, false), input, expected, `golden ${config}`, failures)).toBe('pass');
    const app = appConfigs[config];
    if (app) expect(run(createConverter(app[0], app[1]), input, expected, `golden ${config}`, failures)).toBe('pass');
    expect(failures).toEqual([]);
  });

  it('per-config files of 2026-01-13: line N of X.in converts to line N of X.ans', () => {
    const dir = path.join(corpus, 'per-config-2026-01-13');
    const failures: string[] = [];
    let lines = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.in'))) {
      const config = file.slice(0, -3);
      const [from, to] = configLocales[config]!;
      const inputs = readFileSync(path.join(dir, file), 'utf8').split('\n');
      const answers = readFileSync(path.join(dir, `${config}.ans`), 'utf8').split('\n');
      const converter = createLocaleConverter(from, to, false);
      inputs.forEach((input, i) => {
        lines++;
        run(converter, input, answers[i] ?? '', `${file}:${i + 1}`, failures);
      });
    }
    expect(failures).toEqual([]);
    expect(lines).toBeGreaterThan(13);
  });
});
