/**
 * Which OpenCC conversions show an article in a display mode, by where the article comes from
 * (issue #15). One table, used by createConverter for the reader, export, the CLI and search
 * snippets alike.
 *
 * Traditional text is written differently in Taiwan and Hong Kong: each has its own variant
 * characters (Taiwan 裡 著 衛 線, Hong Kong 裏 着 衞 綫) and Taiwan its own vocabulary (計程車,
 * 軟體, 網際網路). OpenCC has a config for each source: tw2sp reads Taiwan phrases back into
 * mainland ones, hk2t and tw2t read regional variants back into OpenCC's standard characters.
 * Simplified text has one source as far as OpenCC goes: Singapore and Malaysia write mainland
 * characters and OpenCC has no config for them, so a simplified article is always 'mainland'.
 */

import type { OpenccLocale } from './createConverter';
import type { ScriptMode } from './scriptModes';

export const sourceRegions = ['mainland', 'taiwan', 'hongkong', 'generic'] as const;
/** Where an article's text comes from, as far as its conversions go. 'generic': OpenCC standard traditional, or not known. */
export type SourceRegion = (typeof sourceRegions)[number];

export function isSourceRegion(x: unknown): x is SourceRegion {
  return typeof x === 'string' && (sourceRegions as readonly string[]).includes(x);
}

/** One OpenCC conversion: opencc-js's Converter({ from, to }). */
export type LocaleStep = readonly [from: OpenccLocale, to: OpenccLocale];

type Table = Readonly<Record<Exclude<ScriptMode, 'original'>, readonly LocaleStep[]>>;

/** Simplified text: s2t, s2tw, s2twp, s2hk; shown as stored in 简体. */
const fromSimplified: Table = {
  cn: [],
  t: [['cn', 't']],
  tw: [['cn', 'tw']],
  twp: [['cn', 'twp']],
  hk: [['cn', 'hk']],
};

/** Traditional text by its source. [] means shown as stored; two steps run one after the other. */
const fromTraditional: Readonly<Record<Exclude<SourceRegion, 'mainland'>, Table>> = {
  // OpenCC standard traditional (or not known): t2s, t2tw, t2hk; t -> twp chains TWPhrases and TWVariants.
  generic: {
    cn: [['t', 'cn']],
    t: [],
    tw: [['t', 'tw']],
    twp: [['t', 'twp']],
    hk: [['t', 'hk']],
  },
  // tw2sp reads Taiwan variants and phrases back (計程車 -> 出租车, 看著 -> 看着); a Taiwan
  // article already is what 臺灣 and 臺灣(詞彙) show.
  taiwan: {
    cn: [['twp', 'cn']],
    t: [['tw', 't']],
    tw: [],
    twp: [],
    hk: [
      ['tw', 't'],
      ['t', 'hk'],
    ],
  },
  // hk2sp, OpenCC's Hong Kong config with its phrases (搜尋 -> 搜索); to Taiwan through OpenCC
  // standard: hk2t, then t2tw or t -> twp.
  hongkong: {
    cn: [['hkp', 'cn']],
    t: [['hk', 't']],
    tw: [
      ['hk', 't'],
      ['t', 'tw'],
    ],
    twp: [
      ['hk', 't'],
      ['t', 'twp'],
    ],
    hk: [],
  },
};

/**
 * The conversions that show text written in `script` from `region` in `mode`, in order; [] when
 * it is shown as stored. A traditional text from 'mainland' (a person's correction on a
 * traditional article) reads as OpenCC standard traditional.
 */
export function conversionSteps(
  script: 'simplified' | 'traditional',
  region: SourceRegion,
  mode: ScriptMode,
): readonly LocaleStep[] {
  if (mode === 'original') return [];
  if (script === 'simplified') return fromSimplified[mode];
  return fromTraditional[region === 'mainland' ? 'generic' : region][mode];
}

/** The OpenCC config names of a list of steps (tw2sp, hk2t+t2tw), for tests and diagnostics. */
export function stepNames(
  steps: readonly LocaleStep[],
  configName: (from: OpenccLocale, to: OpenccLocale) => string,
): string {
  return steps.length === 0 ? 'as stored' : steps.map(([f, t]) => configName(f, t)).join('+');
}
