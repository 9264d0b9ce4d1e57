/**
 * Script conversion with an offset map (DESIGN §4, §10).
 *
 * opencc-js converts in stages: a normalization pass over the whole text, then (for most
 * configs) a segmentation by longest match over the phrase dictionaries, then a chain of
 * dictionary tries applied to each segment, each trie replacing longest matches. We rebuild the
 * same pipeline from opencc-js's own Trie and preset data, but keep, for every stage, which
 * source piece became which output piece. Composing those alignments gives the segments of the
 * offset map; joining the outputs gives exactly the text opencc-js's Converter returns (the
 * tests assert that on every seed paragraph in every mode, and on OpenCC's own test cases).
 */

import { Locale, Trie } from 'opencc-js';
import type { DictGroup, DictLike } from 'opencc-js';
import type { DetectedScript } from '../contract/articleTypes';
import { identityOffsetMap, offsetMapFromLengths, type OffsetMap } from './offsetMap';
import type { ScriptMode } from './scriptModes';

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
// s2twp and s2hk share their big first stage), because building them is the ~150 ms cost.

const dictIds = new Map<DictLike, number>();
const tries = new Map<string, Trie>();

function trieFor(group: DictGroup): Trie {
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
    trie = new Trie();
    trie.loadDictGroup(group);
    tries.set(key, trie);
  }
  return trie;
}

// ---------------------------------------------------------------------------------------------
// Conversion with alignment. An alignment is a flat list of (source length, output length)
// pairs covering both strings in order. A piece left unchanged (text no dictionary matched) is
// written as (-length, -length): a later stage may split it anywhere, a replaced piece it may not.

interface Stage {
  text: string;
  lengths: number[];
}

/** opencc-js's getUnmatchedLength (not exported): an unmatched ideographic description sequence is skipped whole. */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function cpLength(s: string, i: number): number {
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + cpLength(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= s.length) return 0;
    const childEnd = idsEnd(s, end);
    end = childEnd || end + cpLength(s, end);
  }
  return end;
}

function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : cpLength(s, i);
}

function pushUnchanged(lengths: number[], n: number): void {
  const last = lengths.length - 1;
  if (last > 0 && lengths[last]! < 0) {
    lengths[last - 1]! -= n;
    lengths[last]! -= n;
  } else {
    lengths.push(-n, -n);
  }
}

/** Trie.convert, keeping which piece became which. */
function runTrie(trie: Trie, s: string): Stage {
  const out: string[] = [];
  const lengths: number[] = [];
  let runStart = -1;
  for (let i = 0; i < s.length;) {
    const m = trie.matchPrefix(s, i);
    if (m) {
      if (runStart >= 0) {
        out.push(s.slice(runStart, i));
        pushUnchanged(lengths, i - runStart);
        runStart = -1;
      }
      out.push(m.value);
      lengths.push(m.end - i, m.value.length);
      i = m.end;
    } else {
      if (runStart < 0) runStart = i;
      i += unmatchedLength(s, i);
    }
  }
  if (runStart >= 0) {
    out.push(s.slice(runStart));
    pushUnchanged(lengths, s.length - runStart);
  }
  return { text: out.join(''), lengths };
}

/**
 * Composes an (x -> y) alignment with a (y -> z) one into (x -> z). A boundary survives where
 * both have it in y, or inside an unchanged piece of one of them; so a later match that spans
 * earlier pieces (U盤 -> 隨身碟 after U -> U, 盘 -> 盤) becomes one piece, while text nothing
 * touched stays splittable.
 */
function compose(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let ai = 0;
  let bi = 0;
  // The current piece of each side: what is left of it in y, and whether it is unchanged.
  let aLeft = 0;
  let aSrc = 0;
  let aSame = false;
  let bLeft = 0;
  let bDst = 0;
  let bSame = false;
  let aLive = false;
  let bLive = false;
  // Position reached in y by each side, and the x and z lengths taken since the last common boundary.
  let ya = 0;
  let yb = 0;
  let x = 0;
  let z = 0;
  for (;;) {
    if (!aLive && ai < a.length) {
      aSame = a[ai]! < 0;
      aSrc = Math.abs(a[ai]!);
      aLeft = Math.abs(a[ai + 1]!);
      ai += 2;
      aLive = true;
    }
    if (!bLive && bi < b.length) {
      bSame = b[bi]! < 0;
      bLeft = Math.abs(b[bi]!);
      bDst = Math.abs(b[bi + 1]!);
      bi += 2;
      bLive = true;
    }
    if (!aLive && !bLive) break;

    if (ya === yb && aLive && bLive && aSame && bSame) {
      const k = Math.min(aLeft, bLeft);
      pushUnchanged(out, k);
      ya += k;
      yb += k;
      aLeft -= k;
      aSrc -= k;
      bLeft -= k;
      bDst -= k;
      aLive = aLeft > 0;
      bLive = bLeft > 0;
      continue;
    }
    const advanceA = aLive && (ya < yb || (ya === yb && (!aSame || !bLive)));
    if (advanceA) {
      // An unchanged piece is only taken up to where the other side stands.
      const k = aSame && ya < yb ? Math.min(aLeft, yb - ya) : aLeft;
      x += aSame ? k : aSrc;
      ya += k;
      aLeft -= k;
      aSrc -= aSame ? k : aSrc;
      aLive = aLeft > 0;
    } else if (bLive) {
      const k = bSame && yb < ya ? Math.min(bLeft, ya - yb) : bLeft;
      z += bSame ? k : bDst;
      yb += k;
      bLeft -= k;
      bDst -= bSame ? k : bDst;
      bLive = bLeft > 0;
    } else {
      throw new Error('conversion alignments do not cover the same text');
    }
    if (ya === yb && (x > 0 || z > 0)) {
      out.push(x, z);
      x = 0;
      z = 0;
    }
  }
  if (ya !== yb || x !== 0 || z !== 0) throw new Error('conversion alignments do not cover the same text');
  return out;
}

function runChain(chain: readonly Trie[], s: string): Stage {
  let stage: Stage | null = null;
  for (const trie of chain) {
    const next = runTrie(trie, stage ? stage.text : s);
    stage = stage ? { text: next.text, lengths: compose(stage.lengths, next.lengths) } : next;
  }
  return stage ?? { text: s, lengths: s === '' ? [] : [-s.length, -s.length] };
}

interface Pipeline {
  normalize: Trie[];
  segment: Trie | null;
  chain: Trie[];
}

function buildPipeline(plan: ConversionPlan): Pipeline {
  let segment: Trie | null = null;
  if (plan.segmentation) segment = trieFor(plan.segmentation);
  return { normalize: plan.normalizationChain.map(trieFor), segment, chain: plan.conversionChain.map(trieFor) };
}

function runPipeline(p: Pipeline, text: string): Stage {
  if (text === '') return { text: '', lengths: [] };
  const normalized = runChain(p.normalize, text);
  const segments = p.segment ? p.segment.segment(normalized.text) : [normalized.text];
  const out: string[] = [];
  const lengths: number[] = [];
  for (const seg of segments) {
    const converted = runChain(p.chain, seg);
    out.push(converted.text);
    const l = converted.lengths;
    for (let k = 0; k + 1 < l.length; k += 2) {
      if (l[k]! < 0) pushUnchanged(lengths, -l[k]!);
      else lengths.push(l[k]!, l[k + 1]!);
    }
  }
  return { text: out.join(''), lengths: compose(normalized.lengths, lengths) };
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

function segmentsOf(source: string, stage: Stage): Array<readonly [string, string]> {
  const pieces: Array<readonly [string, string]> = [];
  let s = 0;
  let c = 0;
  for (let k = 0; k < stage.lengths.length; k += 2) {
    const s1 = s + Math.abs(stage.lengths[k]!);
    const c1 = c + Math.abs(stage.lengths[k + 1]!);
    pieces.push([source.slice(s, s1), stage.text.slice(c, c1)]);
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
  let pipeline: Pipeline | null = null;
  const ready = (): Pipeline => (pipeline ??= buildPipeline(conversionPlan(from, to, withOverrides)));
  const converter: TextConverter = {
    prepare() {
      ready();
    },
    convert(text) {
      const stage = runPipeline(ready(), text);
      return { text: stage.text, map: offsetMapFromLengths(text, stage.text, stage.lengths.map(Math.abs)) };
    },
    convertSegments(text) {
      return segmentsOf(text, runPipeline(ready(), text));
    },
  };
  localeConverters.set(key, converter);
  return converter;
}

/**
 * Which opencc-js conversion shows an article of script `from` in mode `to`; null when the text
 * is shown as stored. Simplified, mixed and unknown articles convert as simplified, except to
 * 'cn', where mixed and unknown ones go through t -> cn so stray traditional characters fold
 * (t -> cn leaves simplified text alone: it changed nothing in the simplified seeds).
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

/** The converter that shows an article detected as `from` in display mode `to`. */
export function createConverter(from: DetectedScript, to: ScriptMode): TextConverter {
  const pair = localePair(from, to);
  return pair ? createLocaleConverter(pair[0], pair[1]) : identityConverter;
}
