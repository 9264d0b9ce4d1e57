/**
 * Converting text of both scripts into a traditional mode without damaging its traditional part
 * (issue #15). s2t is the only OpenCC conversion that brings simplified characters into
 * traditional, but it also rewrites characters traditional text writes itself: the name 嚴華郁
 * would become 嚴華鬱, 皇后 would become 皇後. In an article detected as mixed or unknown, a
 * character both scripts write takes the script of its neighbours.
 */

import { createOffsetMap } from './offsetMap';
import type { Conversion, TextConverter } from './createConverter';

/**
 * The characters s2t changes that traditional text writes too: the single-character keys of
 * opencc-js's STCharacters that Big5 (code page 950) has. Derived once from those two sources;
 * test/unit/preload/common/mixedText.test.ts checks the list still equals them.
 */
export const sharedWithTraditional =
  '万与丑丰么于云仆价优伙体余佣儿党凄准几凶划占厂厘台吁吃后吨听咨咸唇圣坏复夸宁尸岩岭岳峰帘干并庄床异征忏怀怜恒惊愿扑扰挂据斗昵晒朴机杠杰极构柜栖气沄泞洁洒洼涂涌淀游灶炖熏瓮痒痴皂确离种秘筑篱粽网羡群肮肴胜腊腌膻苧苹范茧荐蒏蔂虫虮虱蚕蚝蜡蝎触赶跖辟适郁采里雇霉';

const shared = new Set(sharedWithTraditional);

const neutral = 0;
const traditionalOnly = 1;
const simplifiedOnly = 2;

/** Per code point, 1 + which of the three it is; 0 not asked yet. BMP in an array, the rest in a map. */
const bmpKinds = new Uint8Array(0x10000);
const otherKinds = new Map<number, number>();

/** Han ideographs (the unified blocks and their extensions), where the two scripts differ. */
function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
}

export interface ScriptProbes {
  /** s2t, exactly as OpenCC: does it change this character? */
  toTraditional: TextConverter;
  /** t2s, exactly as OpenCC. */
  toSimplified: TextConverter;
}

function kindOf(cp: number, probes: ScriptProbes): number {
  const known = cp < 0x10000 ? bmpKinds[cp]! : (otherKinds.get(cp) ?? 0);
  if (known > 0) return known - 1;
  const ch = String.fromCodePoint(cp);
  let kind = neutral;
  if (probes.toSimplified.convert(ch).text !== ch) kind = traditionalOnly;
  else if (probes.toTraditional.convert(ch).text !== ch && !shared.has(ch)) kind = simplifiedOnly;
  if (cp < 0x10000) bmpKinds[cp] = kind + 1;
  else otherKinds.set(cp, kind + 1);
  return kind;
}

/**
 * For each UTF-16 offset of `text`, the script of the nearest character only one script writes
 * in the same run of ideographs, looking left first and then right: 1 traditional, 2 simplified,
 * 0 none (punctuation and other scripts end a run).
 */
function neighbourScripts(text: string, probes: ScriptProbes): Uint8Array {
  const n = text.length;
  const kinds = new Uint8Array(n);
  const han = new Uint8Array(n);
  for (let i = 0; i < n;) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (isHan(cp)) {
      const k = kindOf(cp, probes);
      for (let j = 0; j < len; j++) {
        han[i + j] = 1;
        kinds[i + j] = k;
      }
    }
    i += len;
  }
  const left = new Uint8Array(n);
  let last = neutral;
  for (let i = 0; i < n; i++) {
    if (!han[i]) last = neutral;
    else if (kinds[i] !== neutral) last = kinds[i]!;
    left[i] = last;
  }
  const result = new Uint8Array(n);
  last = neutral;
  for (let i = n - 1; i >= 0; i--) {
    if (!han[i]) last = neutral;
    else if (kinds[i] !== neutral) last = kinds[i]!;
    result[i] = kinds[i] !== neutral ? kinds[i]! : left[i] !== neutral ? left[i]! : last;
  }
  return result;
}

/**
 * `fromSimplified` (s2t, s2tw…) applied to text that may be partly traditional already: a piece
 * it would change is left as stored when it holds no character only simplified text writes and
 * its neighbours are traditional (嚴華郁 stays; 以后 in a simplified sentence becomes 以後).
 */
export function convertMixed(text: string, fromSimplified: TextConverter, probes: ScriptProbes): Conversion {
  const converted = fromSimplified.convert(text);
  if (converted.text === text) return converted;
  const scripts = neighbourScripts(text, probes);
  const pieces = fromSimplified.convertSegments(text);
  let kept = false;
  let at = 0;
  const out = pieces.map(([source, target]): readonly [string, string] => {
    const start = at;
    at += source.length;
    if (source === target) return [source, target];
    let hasSimplified = false;
    let traditionalAround = false;
    for (let i = start; i < at; i++) {
      if (scripts[i] === simplifiedOnly) hasSimplified = true;
      else if (scripts[i] === traditionalOnly) traditionalAround = true;
    }
    if (hasSimplified || !traditionalAround) return [source, target];
    kept = true;
    return [source, source];
  });
  if (!kept) return converted;
  const map = createOffsetMap(out);
  return { text: map.converted, map };
}
