/**
 * Script folding for the search index (DESIGN §10): article text and queries are both folded to
 * simplified characters, then indexed as character unigrams and bigrams.
 *
 * The fold is character by character, not OpenCC's phrase conversion: a phrase converter
 * treats a character differently inside a phrase (乾隆 keeps 乾, 乾 alone becomes 干), so a
 * query could fold differently from the same characters inside the text. Character by
 * character, fold(part of a text) is always the same part of fold(text), which is what
 * substring search needs. Regional variants (TW 裡, HK 衞) fold too. The output may differ
 * from the input in UTF-16 length (a few characters map in or out of the BMP); the folded
 * text is only indexed, never shown, so it needs no offset map.
 */

import { Locale } from 'opencc-js';

let foldTable: Map<string, string> | null = null;

/**
 * Traditional characters that are also ordinary simplified ones, so TSCharacters keeps them,
 * but that s2t writes for a different simplified character in common phrases (了解 -> 瞭解,
 * 借口 -> 藉口, 反复 -> 反覆, 背着 -> 揹着): the four most frequent such cases in STPhrases.
 * Folding them both ways only costs a little precision (慰藉 is indexed as 慰借, on both sides).
 */
const phraseFolds: readonly (readonly [string, string])[] = [
  ['藉', '借'],
  ['覆', '复'],
  ['揹', '背'],
  ['瞭', '了'],
];

function parseDict(dict: unknown, what: string): Map<string, string> {
  if (typeof dict !== 'string') throw new Error(`opencc-js preset: ${what} is not a serialized dictionary`);
  const m = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [k, v] = entry.split(' ');
    if (k && v) m.set(k, v);
  }
  return m;
}

function configDict(
  config: string,
  chain: 'normalizationChain' | 'conversionChain',
  stage: number,
  index: number,
): unknown {
  const raw: unknown = (Locale.configs as Record<string, unknown>)[config];
  if (typeof raw !== 'object' || raw === null) return undefined;
  const groups: unknown = (raw as Record<string, unknown>)[chain];
  if (!Array.isArray(groups)) return undefined;
  const group: unknown = groups[stage];
  return Array.isArray(group) ? (group[index] as unknown) : undefined;
}

/**
 * Built once, lazily: one table from each character to its folded form. The dictionaries are
 * taken from opencc-js's preset configs (opencc-js 1.4.2 layout, checked by the tests):
 * t2s normalizes CJK compatibility ideographs then converts [TSPhrases, TSCharacters];
 * tw2s and hk2s start with [..., TWVariantsRev] and [..., HKVariantsRev].
 */
function table(): Map<string, string> {
  if (foldTable) return foldTable;
  const compat = parseDict(configDict('t2s', 'normalizationChain', 0, 0), 'CJK_Compatibility_Ideographs');
  const ts = parseDict(configDict('t2s', 'conversionChain', 0, 1), 'TSCharacters');
  const variants = new Map([
    ...parseDict(configDict('hk2s', 'conversionChain', 0, 1), 'HKVariantsRev'),
    ...parseDict(configDict('tw2s', 'conversionChain', 0, 1), 'TWVariantsRev'),
  ]);
  // TWVariantsRev maps 么 (the everyday simplified 么 of 什么) to 幺, a different word.
  variants.delete('么');

  const phrase = new Map(phraseFolds);
  const fold = (ch: string): string => {
    const c = compat.get(ch) ?? ch;
    const standard = ts.has(c) ? c : (variants.get(c) ?? c);
    const simplified = ts.get(standard) ?? standard;
    return phrase.get(simplified) ?? simplified;
  };
  const t = new Map<string, string>();
  for (const ch of new Set([...compat.keys(), ...ts.keys(), ...variants.keys(), ...phrase.keys()])) {
    const f = fold(ch);
    if (f !== ch) t.set(ch, f);
  }
  foldTable = t;
  return t;
}

let bmpTable: Map<number, string> | undefined;

/** The same table keyed by UTF-16 code for BMP characters: no string is made per character. */
function bmp(): Map<number, string> {
  if (bmpTable) return bmpTable;
  const t = new Map<number, string>();
  for (const [from, to] of table()) if (from.length === 1) t.set(from.charCodeAt(0), to);
  bmpTable = t;
  return t;
}

let preimages: Map<string, string[]> | undefined;

/**
 * The characters other than `folded` itself that fold to it (its traditional and variant forms):
 * a text without any of them holds `folded` exactly where its folded text does (KWIC's shortcut).
 */
export function foldedFrom(folded: string): readonly string[] {
  if (!preimages) {
    preimages = new Map();
    for (const [from, to] of table()) {
      const list = preimages.get(to) ?? [];
      list.push(from);
      preimages.set(to, list);
    }
  }
  return preimages.get(folded) ?? [];
}

/** Simplified, character by character; anything without a mapping is kept as it is. */
export function foldToSimplified(text: string): string {
  const t = table();
  const byCode = bmp();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const len = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    // Below U+2E80 (CJK radicals) nothing folds: skip the lookup for Latin, digits, punctuation.
    if (code >= 0x2e80) {
      const f = len === 1 ? byCode.get(code) : t.get(text.slice(i, i + len));
      if (f !== undefined) {
        out += text.slice(from, i) + f;
        from = i + len;
      }
    }
    i += len;
  }
  return from === 0 ? text : out + text.slice(from);
}
