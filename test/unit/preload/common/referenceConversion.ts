/**
 * The conversion as it was before it was made fast (kept frozen, for the tests only): opencc-js's
 * own Trie and matchPrefix, a string per stage and per segment, alignments as arrays of numbers,
 * and the offset map built from an array. Slow and simple; the optimized converter must give
 * exactly what this gives, text and map, on every input the tests try.
 */
import { Trie } from 'opencc-js';
import type { DictGroup } from 'opencc-js';
import { conversionPlan, type OpenccLocale } from '../../../../preload/common/createConverter';

const aligned = 0;
const codePoints = 1;
const phrase = 2;

export interface ReferenceMap {
  source: string;
  converted: string;
  sourceBounds: Int32Array;
  convertedBounds: Int32Array;
  kinds: Uint8Array;
}

export interface ReferenceConversion {
  text: string;
  map: ReferenceMap;
  /** The aligned (source piece, converted piece) list, as convertSegments gives it. */
  segments: Array<readonly [string, string]>;
}

const tries = new Map<DictGroup, Trie>();

function trieFor(group: DictGroup): Trie {
  let trie = tries.get(group);
  if (trie === undefined) {
    trie = new Trie();
    trie.loadDictGroup(group);
    tries.set(group, trie);
  }
  return trie;
}

// The offset map, as it was built.

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function codePointLength(s: string, i: number): number {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

function countCodePoints(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += codePointLength(s, i)) n++;
  return n;
}

function classify(source: string, s0: number, s1: number, converted: string, c0: number, c1: number): number {
  const len = s1 - s0;
  if (len === c1 - c0) {
    let sameLayout = true;
    for (let k = 0; k < len; k++) {
      if (isHigh(source.charCodeAt(s0 + k)) !== isHigh(converted.charCodeAt(c0 + k))) {
        sameLayout = false;
        break;
      }
    }
    if (sameLayout) return aligned;
  }
  return countCodePoints(source, s0, s1) === countCodePoints(converted, c0, c1) ? codePoints : phrase;
}

/**
 * Builds a map from the two texts and the lengths of their aligned segments, given flat as
 * [sourceLength0, convertedLength0, sourceLength1, convertedLength1, ...].
 */
function offsetMapFromLengths(source: string, converted: string, lengths: ArrayLike<number>): ReferenceMap {
  const sb: number[] = [0];
  const cb: number[] = [0];
  const kinds: number[] = [];
  let s = 0;
  let c = 0;
  for (let k = 0; k + 1 < lengths.length; k += 2) {
    const s1 = s + (lengths[k] ?? 0);
    const c1 = c + (lengths[k + 1] ?? 0);
    if (s1 === s && c1 === c) continue;
    const kind = classify(source, s, s1, converted, c, c1);
    const last = kinds.length - 1;
    if (kind === aligned && kinds[last] === aligned) {
      // Offset-for-offset runs join into one: fewer boundaries, same mapping.
      sb[last + 1] = s1;
      cb[last + 1] = c1;
    } else {
      kinds.push(kind);
      sb.push(s1);
      cb.push(c1);
    }
    s = s1;
    c = c1;
  }
  if (s !== source.length || c !== converted.length) {
    throw new RangeError(
      `offset map segments cover ${s}/${c} UTF-16 units, the texts have ${source.length}/${converted.length}`,
    );
  }
  return {
    source,
    converted,
    sourceBounds: Int32Array.from(sb),
    convertedBounds: Int32Array.from(cb),
    kinds: Uint8Array.from(kinds),
  };
}

// ---------------------------------------------------------------------------------------------
// The conversion with alignment, as it was. An alignment is a flat list of (source length, output length)
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

function buildPipeline(plan: ReturnType<typeof conversionPlan>): Pipeline {
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

const pipelines = new Map<string, Pipeline>();

/** What the converter for (from, to, withOverrides) gave for `text` before it was optimized. */
export function referenceConvert(
  from: OpenccLocale,
  to: OpenccLocale,
  withOverrides: boolean,
  text: string,
): ReferenceConversion {
  const key = `${from}>${to}>${withOverrides}`;
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    pipeline = buildPipeline(conversionPlan(from, to, withOverrides));
    pipelines.set(key, pipeline);
  }
  const stage = runPipeline(pipeline, text);
  const segments: Array<readonly [string, string]> = [];
  let s = 0;
  let c = 0;
  for (let k = 0; k < stage.lengths.length; k += 2) {
    const s1 = s + Math.abs(stage.lengths[k]!);
    const c1 = c + Math.abs(stage.lengths[k + 1]!);
    segments.push([text.slice(s, s1), stage.text.slice(c, c1)]);
    s = s1;
    c = c1;
  }
  return { text: stage.text, map: offsetMapFromLengths(text, stage.text, stage.lengths.map(Math.abs)), segments };
}
