/**
 * Script conversion with an offset map (DESIGN §4, §10).
 *
 * opencc-js converts in stages: a normalization pass over the whole text, then (for most
 * configs) a segmentation by longest match over the phrase dictionaries, then a chain of
 * dictionary tries applied to each segment, each trie replacing longest matches. We rebuild the
 * same pipeline from opencc-js's preset data (dictionaryTrie.ts loads it as opencc-js's Trie
 * does; alignedConversion.ts runs the stages), but keep, for every stage, which source piece
 * became which output piece. Composing those alignments gives the segments of the offset map;
 * the output is exactly the text opencc-js's Converter returns (the tests assert that on every
 * seed paragraph in every mode, and on OpenCC's own test cases).
 */

import { Locale } from 'opencc-js';
import type { DictGroup, DictLike } from 'opencc-js';
import type { DetectedScript } from '../contract/articleTypes';
import { AlignedConverter, type AlignedText } from './alignedConversion';
import { Alignment, composeInto } from './alignment';
import { conversionSteps, type LocaleStep, type SourceRegion } from './conversionTable';
import { DictionaryTrie } from './dictionaryTrie';
import { convertMixed } from './mixedText';
import { identityOffsetMap, offsetMapFromPieces, type OffsetMap } from './offsetMap';
import type { ScriptMode } from './scriptModes';
import { overridesForMode, withOverrides, type OverrideRule } from './termOverrides';

/** Locale names as opencc-js spells them. */
export type OpenccLocale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';

/** Dictionary data for one conversion, in the shape of an opencc-js preset config. */
export interface ConversionPlan {
  /** The OpenCC config name opencc-js would use (s2tw, t2s, ...). */
  readonly name: string;
  /** Each group is one trie applied to the whole text before segmentation. */
  readonly normalizationChain: readonly DictGroup[];
  /** The dictionaries the text is segmented by, or null: the whole text is one segment. */
  readonly segmentation: DictGroup | null;
  /** Each group is one trie, applied in turn to every segment. */
  readonly conversionChain: readonly DictGroup[];
}

/**
 * Phrases OpenCC gets wrong, as (simplified, OpenCC-standard traditional). STPhrases has
 * 被发 -> 被髮 (hair hanging loose), which longest-match applies to 被发明 (was invented) and
 * the like. These entries go first in the segmentation dictionaries and in the first
 * conversion stage of every simplified-source conversion, so they win by longest match and
 * stay whole segments: the regional stages after them still apply, and the map stays right.
 */
export const simplifiedOverrides: readonly (readonly [string, string])[] = [
  ['被发明', '被發明'],
  ['被发掘', '被發掘'],
  ['被发表', '被發表'],
  ['被发送', '被發送'],
  ['被发布', '被發佈'],
  ['被发射', '被發射'],
  ['被发出', '被發出'],
  ['被发给', '被發給'],
  ['被发配', '被發配'],
  ['被发行', '被發行'],
  ['被发动', '被發動'],
  ['被发起', '被發起'],
  ['被发放', '被發放'],
  ['被发扬', '被發揚'],
  ['被发展', '被發展'],
  ['被发生', '被發生'],
  ['被发挥', '被發揮'],
  ['被发往', '被發往'],
  ['被发回', '被發回'],
  ['被发货', '被發貨'],
  ['被发酵', '被發酵'],
  ['被发到', '被發到'],
  ['被发来', '被發來'],
  ['被发作', '被發作'],
  ['被发售', '被發售'],
];

/** The same table as an opencc-js serialized dictionary: its segmentation only takes those. */
const overridesDict: string = simplifiedOverrides.map(([from, to]) => `${from} ${to}`).join('|');

// ---------------------------------------------------------------------------------------------
// Reading opencc-js's preset. Its .d.ts omits normalizationChain and types segmentation loosely,
// so the configs are read as unknown and narrowed.

function isDictLike(x: unknown): x is DictLike {
  return (
    typeof x === 'string' ||
    (Array.isArray(x) && x.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string'))
  );
}

function isDictGroup(x: unknown): x is DictGroup {
  return Array.isArray(x) && x.every(isDictLike);
}

function isDictGroupList(x: unknown): x is readonly DictGroup[] {
  return Array.isArray(x) && x.every(isDictGroup);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** The config name opencc-js's ConverterBuilder looks up for a locale pair. */
export function configName(from: OpenccLocale, to: OpenccLocale): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') return from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`;
  return `${from}2${to}`;
}

function presetGroups(side: 'from' | 'to', locale: OpenccLocale): DictGroup[] {
  if (locale === 't') return []; // OpenCC standard traditional is the pivot: no dictionaries.
  const raw: unknown = Locale[side][locale];
  // A preset entry is either one group or a list of groups (to.twp is two stages).
  if (isDictGroupList(raw) && Array.isArray(raw[0])) return [...raw];
  if (isDictGroup(raw)) return [raw];
  throw new Error(`opencc-js preset has no usable '${side}.${locale}' dictionaries`);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((d) => typeof d === 'string');
}

function readSegmentation(raw: unknown): DictGroup | null {
  if (raw === undefined || raw === null || raw === '') return null;
  // opencc-js treats an array of strings as a group and anything else as one dictionary.
  if (isStringArray(raw)) return raw;
  if (isDictLike(raw)) return [raw];
  throw new Error('opencc-js preset: unreadable segmentation dictionary');
}

/** The stages opencc-js's Converter({ from, to }) runs, optionally with our overrides. */
export function conversionPlan(from: OpenccLocale, to: OpenccLocale, withOverrides = true): ConversionPlan {
  const name = configName(from, to);
  const raw: unknown = (Locale.configs as Record<string, unknown>)[name];
  let plan: ConversionPlan;
  if (isRecord(raw)) {
    const normalizationChain = raw.normalizationChain ?? [];
    const conversionChain = raw.conversionChain;
    if (!isDictGroupList(normalizationChain) || !isDictGroupList(conversionChain)) {
      throw new Error(`opencc-js preset: unreadable config ${name}`);
    }
    plan = { name, normalizationChain, segmentation: readSegmentation(raw.segmentation), conversionChain };
  } else {
    // No config for this pair (e.g. t -> twp): opencc-js chains from- and to-dictionaries over
    // the whole text, without normalization or segmentation.
    plan = {
      name,
      normalizationChain: [],
      segmentation: null,
      conversionChain: [...presetGroups('from', from), ...presetGroups('to', to)],
    };
  }
  if (!withOverrides || from !== 'cn' || simplifiedOverrides.length === 0) return plan;
  const [first, ...rest] = plan.conversionChain;
  if (first === undefined) return plan;
  return {
    ...plan,
    segmentation: plan.segmentation && [overridesDict, ...plan.segmentation],
    conversionChain: [[overridesDict, ...first], ...rest],
  };
}

// ---------------------------------------------------------------------------------------------
// Tries, built once per distinct dictionary group and shared between pipelines (s2t, s2tw,
// s2twp and s2hk share their big first stage), because building them is most of the cost of a
// first conversion (~100 ms for s2tw).

const dictIds = new Map<DictLike, number>();
const tries = new Map<string, DictionaryTrie>();

function trieFor(group: DictGroup): DictionaryTrie {
  const key = group
    .map((d) => {
      let id = dictIds.get(d);
      if (id === undefined) {
        id = dictIds.size;
        dictIds.set(d, id);
      }
      return id;
    })
    .join(',');
  let trie = tries.get(key);
  if (trie === undefined) {
    trie = new DictionaryTrie(group);
    tries.set(key, trie);
  }
  return trie;
}

/** True when `group` starts with the dictionaries of `prefix`, in the same order. */
function startsWith(group: DictGroup, prefix: DictGroup): boolean {
  return prefix.length <= group.length && prefix.every((d, i) => group[i] === d);
}

/**
 * True when every key of `dict` is one code point (as opencc-js's Trie reads keys), and not an
 * ideographic description character (opencc-js steps over an unmatched description sequence
 * whole, so a key for one would change where the next match is looked for).
 */
function hasSingleCharacterKeys(dict: DictLike): boolean {
  const keys =
    typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0] ?? '') : dict.map((e) => e[0]);
  return keys.every((key) => {
    const cp = key.codePointAt(0) ?? 0;
    return key.length === (cp > 0xffff ? 2 : 1) && !(cp >= 0x2ff0 && cp <= 0x2fff);
  });
}

function buildConverter(plan: ConversionPlan): AlignedConverter {
  const first = plan.conversionChain[0];
  const segmentsAreFirstStageKeys =
    plan.segmentation !== null && first !== undefined && startsWith(first, plan.segmentation);
  return new AlignedConverter({
    normalize: plan.normalizationChain.map(trieFor),
    segment: plan.segmentation && trieFor(plan.segmentation),
    chain: plan.conversionChain.map(trieFor),
    segmentsAreFirstStageKeys,
    firstStageKeysInRunsAreSingle:
      segmentsAreFirstStageKeys && first.slice(plan.segmentation.length).every(hasSingleCharacterKeys),
  });
}

// ---------------------------------------------------------------------------------------------
// Public converters.

export interface Conversion {
  text: string;
  map: OffsetMap;
}

export interface TextConverter {
  /** Builds the dictionaries now, e.g. while idle; otherwise the first convert does it. */
  prepare(): void;
  convert(text: string): Conversion;
  /** The aligned (source piece, converted piece) list the map is built from. For tests and diagnostics. */
  convertSegments(text: string): Array<readonly [source: string, converted: string]>;
}

function segmentsOf(source: string, { text, alignment }: AlignedText): Array<readonly [string, string]> {
  const pieces: Array<readonly [string, string]> = [];
  let s = 0;
  let c = 0;
  for (let k = 0; k + 1 < alignment.length; k += 2) {
    const s1 = s + Math.abs(alignment.pairs[k]!);
    const c1 = c + Math.abs(alignment.pairs[k + 1]!);
    pieces.push([source.slice(s, s1), text.slice(c, c1)]);
    s = s1;
    c = c1;
  }
  return pieces;
}

const identityConverter: TextConverter = {
  prepare() {},
  convert: (text) => ({ text, map: identityOffsetMap(text) }),
  convertSegments: (text) => (text === '' ? [] : [[text, text]]),
};

const localeConverters = new Map<string, TextConverter>();

/**
 * A converter between opencc-js locales through the segment-aligned pipeline. Built lazily and
 * cached per (from, to, overrides). `withOverrides: false` reproduces opencc-js exactly.
 */
export function createLocaleConverter(from: OpenccLocale, to: OpenccLocale, withOverrides = true): TextConverter {
  const key = `${from}>${to}>${withOverrides ? 'o' : '-'}`;
  const cached = localeConverters.get(key);
  if (cached) return cached;
  let aligned: AlignedConverter | null = null;
  const ready = (): AlignedConverter => (aligned ??= buildConverter(conversionPlan(from, to, withOverrides)));
  const converter: TextConverter = {
    prepare() {
      ready();
    },
    convert(text) {
      const { text: out, alignment } = ready().convert(text);
      return { text: out, map: offsetMapFromPieces(text, out, alignment.pairs, alignment.length) };
    },
    convertSegments(text) {
      return segmentsOf(text, ready().convert(text));
    },
  };
  localeConverters.set(key, converter);
  return converter;
}

/**
 * Which opencc-js conversion shows an article of script `from` in mode `to` when its source
 * region is not known (OpenCC standard traditional); null when the text is shown as stored.
 * Kept for callers that think in one pair; createConverter reads the region table.
 */
export function localePair(from: DetectedScript, to: ScriptMode): readonly [OpenccLocale, OpenccLocale] | null {
  if (to === 'original') return null;
  if (from === 'traditional') {
    if (to === 't') return null;
    return ['t', to];
  }
  if (to === 'cn') return from === 'simplified' ? null : ['t', 'cn'];
  return ['cn', to];
}

/**
 * Conversions run one after the other (hk2t then t2tw), with one offset map from the source to
 * the last output: each step's alignment is composed with the next, so a phrase that changes
 * length in any step still maps whole.
 */
function chainedConverter(steps: readonly LocaleStep[]): TextConverter {
  let parts: AlignedConverter[] | null = null;
  const ready = (): AlignedConverter[] =>
    (parts ??= steps.map(([from, to]) => buildConverter(conversionPlan(from, to))));
  // Each converter reuses its alignment on its next call, so the running one is kept here.
  let sofar = new Alignment();
  let next = new Alignment();
  const run = (text: string): AlignedText => {
    const [first, ...rest] = ready();
    const start = first!.convert(text);
    sofar.clear();
    sofar.appendAll(start.alignment);
    let out = start.text;
    for (const part of rest) {
      const step = part.convert(out);
      next.clear();
      composeInto(sofar, step.alignment, next);
      [sofar, next] = [next, sofar];
      out = step.text;
    }
    return { text: out, alignment: sofar };
  };
  return {
    prepare() {
      ready();
    },
    convert(text) {
      const { text: out, alignment } = run(text);
      return { text: out, map: offsetMapFromPieces(text, out, alignment.pairs, alignment.length) };
    },
    convertSegments(text) {
      return segmentsOf(text, run(text));
    },
  };
}

function stepsConverter(steps: readonly LocaleStep[]): TextConverter {
  const [only] = steps;
  if (only === undefined) return identityConverter;
  return steps.length === 1 ? createLocaleConverter(only[0], only[1]) : chainedConverter(steps);
}

/**
 * An article detected as mixed or unknown holds text of both scripts. 简体 reads it through
 * t2s, which leaves simplified text as it is; the traditional modes read it through s2t and
 * the rest, except where that would rewrite what is traditional already (mixedText.ts).
 */
function mixedConverter(fromSimplified: TextConverter): TextConverter {
  const probes = {
    toTraditional: createLocaleConverter('cn', 't', false),
    toSimplified: createLocaleConverter('t', 'cn', false),
  };
  return {
    prepare() {
      fromSimplified.prepare();
    },
    convert: (text) => convertMixed(text, fromSimplified, probes),
    convertSegments: (text) => {
      const { map } = convertMixed(text, fromSimplified, probes);
      const pieces: Array<readonly [string, string]> = [];
      for (let i = 0; i + 1 < map.sourceBounds.length; i++) {
        pieces.push([
          text.slice(map.sourceBounds[i], map.sourceBounds[i + 1]),
          map.converted.slice(map.convertedBounds[i], map.convertedBounds[i + 1]),
        ]);
      }
      return pieces;
    },
  };
}

const articleConverters = new Map<string, TextConverter>();

/**
 * The converter that shows an article detected as `from`, from source `region`, in display
 * mode `to` (conversionTable.ts). Without a region, traditional text reads as OpenCC standard.
 * Cached per (script, region, mode): building one is most of the cost of a first conversion.
 * With the library's term `overrides`, their targets replace the conversion of their sources in
 * the modes they name: the one path for the reader, exports, the CLI and search snippets.
 */
export function createConverter(
  from: DetectedScript,
  to: ScriptMode,
  region: SourceRegion = 'generic',
  overrides?: readonly OverrideRule[],
): TextConverter {
  if (to === 'original') return identityConverter;
  if (overrides !== undefined && overrides.length > 0) return overriddenConverter(from, to, region, overrides);
  const key = `${from}>${region}>${to}`;
  let converter = articleConverters.get(key);
  if (converter === undefined) {
    if (from === 'simplified' || from === 'traditional') {
      converter = stepsConverter(conversionSteps(from, region, to));
    } else {
      converter =
        to === 'cn'
          ? stepsConverter(conversionSteps('traditional', region, to))
          : mixedConverter(stepsConverter(conversionSteps('simplified', 'mainland', to)));
    }
    articleConverters.set(key, converter);
  }
  return converter;
}

/**
 * Converters with a library's term overrides (termOverrides.ts), cached per list of overrides as
 * passed (the renderer keeps one array until the overrides change) and per (script, region, mode).
 */
const overriddenConverters = new WeakMap<readonly OverrideRule[], Map<string, TextConverter>>();

function overriddenConverter(
  from: DetectedScript,
  to: ScriptMode,
  region: SourceRegion,
  overrides: readonly OverrideRule[],
): TextConverter {
  let byKey = overriddenConverters.get(overrides);
  if (byKey === undefined) overriddenConverters.set(overrides, (byKey = new Map<string, TextConverter>()));
  const key = `${from}>${region}>${to}`;
  let converter = byKey.get(key);
  if (converter === undefined) {
    const base = createConverter(from, to, region);
    const pairs = overridesForMode(overrides, to);
    converter = pairs.length === 0 ? base : withOverrides(base, pairs);
    byKey.set(key, converter);
  }
  return converter;
}
