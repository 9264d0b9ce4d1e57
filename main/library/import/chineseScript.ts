import iconv from 'iconv-lite';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { singleCharacterConversion } from './singleCharacterConversion';

/**
 * Per-character facts about Chinese script, from sources that already exist rather than a table
 * of ours: OpenCC's dictionaries through the app's one converter set-up (preload/common) say
 * whether a character has a form in the other script; the two national character sets say
 * which characters each script really uses (GB 2312 for simplified, Big5 for traditional).
 * Answers are cached per character: a whole library costs one lookup per distinct character.
 */

export type CharScript = 'traditional' | 'simplified' | 'shared';
const scripts: readonly CharScript[] = ['shared', 'traditional', 'simplified'];
/** Answers for the Basic Multilingual Plane by code unit (0 = not asked yet), a Map for the rest. */
const bmpScript = new Uint8Array(0x10000);
const otherScript = new Map<string, CharScript>();

/**
 * `traditional`: OpenCC simplifies it and GB 2312 does not have it (網; not 著, which simplified
 * text uses too). `simplified`: OpenCC makes it traditional and Big5 does not have it (们; not
 * 吃 or 么, which traditional text uses too). Everything else is `shared`.
 */
export function charScript(ch: string): CharScript {
  if (ch.length === 1) {
    const code = ch.charCodeAt(0);
    const known = bmpScript[code] ?? 0;
    if (known > 0) return scripts[known - 1] ?? 'shared';
    const found = lookUpScript(ch);
    bmpScript[code] = scripts.indexOf(found) + 1;
    return found;
  }
  let known = otherScript.get(ch);
  if (known === undefined) {
    known = lookUpScript(ch);
    otherScript.set(ch, known);
  }
  return known;
}

/** charScript for a UTF-16 code unit of the Basic Multilingual Plane, without making a string. */
export function charScriptOfCode(code: number): CharScript {
  const known = bmpScript[code] ?? 0;
  return known > 0 ? (scripts[known - 1] ?? 'shared') : charScript(String.fromCharCode(code));
}

function lookUpScript(ch: string): CharScript {
  if (foldToSimplified(ch) !== ch && !gb2312().has(ch)) return 'traditional';
  if (toTraditional(ch) !== ch && !inBig5(ch)) return 'simplified';
  return 'shared';
}

let simplifiedToTraditional: ((ch: string) => string) | undefined;

/** OpenCC's simplified-to-traditional conversion of one character (the dictionaries read at the first call). */
function toTraditional(ch: string): string {
  simplifiedToTraditional ??= singleCharacterConversion('cn', 't');
  return simplifiedToTraditional(ch);
}

export type HanziFrequency = 'common' | 'rare' | 'outside';

/**
 * GB 2312 sorts its characters in two levels: 3,755 chosen as the most frequent in modern text
 * (level 1, rows 16-55) and 3,008 rarer ones (level 2, rows 56-87). Traditional characters are
 * looked up by their simplified form. `outside`: in neither level (GBK-only, Japanese forms…).
 */
export function hanziFrequency(ch: string): HanziFrequency {
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  const known = code >= 0 ? (bmpFrequency[code] ?? 0) : 0;
  if (known > 0) return frequencies[known - 1] ?? 'outside';
  const table = gb2312();
  const found = table.get(ch) ?? table.get(foldToSimplified(ch)) ?? 'outside';
  if (code >= 0) bmpFrequency[code] = frequencies.indexOf(found) + 1;
  return found;
}

const frequencies: readonly HanziFrequency[] = ['common', 'rare', 'outside'];
const bmpFrequency = new Uint8Array(0x10000);

let gbTable: Map<string, 'common' | 'rare'> | null = null;

/** The GB 2312 hanzi with their level, read from the code table itself through iconv-lite. */
function gb2312(): Map<string, 'common' | 'rare'> {
  gbTable ??= readGb2312();
  return gbTable;
}

/** GB 2312's hanzi rows: lead bytes 0xB0-0xF7 (level 1 to 0xD7), trail bytes 0xA1-0xFE. */
const firstLead = 0xb0;
const lastLead = 0xf7;
const lastCommonLead = 0xd7;
const firstTrail = 0xa1;
const lastTrail = 0xfe;

/**
 * Every hanzi code of the table decoded in one call, each followed by a line break: a call per
 * code (6,768 of them) was some 80-100 ms of each parse worker's start, before its first file.
 * A piece that is not one character (an unassigned code) is no hanzi, as when decoded alone;
 * should the pieces not line up with the codes, each code is decoded alone (gb2312ByCode).
 */
export function readGb2312(): Map<string, 'common' | 'rare'> {
  const codes = (lastLead - firstLead + 1) * (lastTrail - firstTrail + 1);
  const bytes = Buffer.alloc(codes * 3);
  let at = 0;
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (let trail = firstTrail; trail <= lastTrail; trail++) {
      bytes[at++] = lead;
      bytes[at++] = trail;
      bytes[at++] = 0x0a;
    }
  }
  const pieces = iconv.decode(bytes, 'gb2312').split('\n');
  if (pieces.length !== codes + 1) return gb2312ByCode();
  const table = new Map<string, 'common' | 'rare'>();
  let k = 0;
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (let trail = firstTrail; trail <= lastTrail; trail++) {
      const decoded = pieces[k++]!;
      if (decoded.length === 1 && decoded !== '\ufffd') table.set(decoded, lead <= lastCommonLead ? 'common' : 'rare');
    }
  }
  return table;
}

/** The same table, each code decoded on its own (what readGb2312 must equal). */
export function gb2312ByCode(): Map<string, 'common' | 'rare'> {
  const table = new Map<string, 'common' | 'rare'>();
  const pair = Buffer.alloc(2);
  for (let lead = firstLead; lead <= lastLead; lead++) {
    for (let trail = firstTrail; trail <= lastTrail; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const decoded = iconv.decode(pair, 'gb2312');
      if (decoded.length === 1 && decoded !== '\ufffd') table.set(decoded, lead <= lastCommonLead ? 'common' : 'rare');
    }
  }
  return table;
}

/** Big5 as Microsoft's code page 950, without the Hong Kong additions (those hold simplified forms). */
function inBig5(ch: string): boolean {
  const bytes = iconv.encode(ch, 'cp950');
  return !(bytes.length === 1 && bytes[0] === 0x3f);
}
