import { Locale } from 'opencc-js';
import type { SourceRegion } from '../../../preload/common/conversionTable';
import { DictionaryTrie, none } from '../../../preload/common/dictionaryTrie';
import type { DetectedScript } from '../../../preload/contract/articleTypes';

/**
 * Where a traditional article comes from: Taiwan, Hong Kong, or neither that the text shows
 * (issue #15). The two write some characters differently and Taiwan has its own vocabulary;
 * OpenCC converts each with its own config, so the region decides the conversions.
 *
 * Signs, each counted once per occurrence:
 * - the address's country domain (.tw, .hk) or an outlet named after the place: strong;
 * - variant characters the two regions write differently (OpenCC's TWVariants and HKVariants:
 *   裡/裏, 著/着, 衛/衞, 說/説, 啟/啓…, and 線/綫 from Hong Kong's place names);
 * - Taiwan vocabulary: the Taiwan forms of OpenCC's TWPhrases of three characters or more
 *   (計程車, 網際網路; shorter ones are mostly everyone's words: 建立, 訪問) that Hong Kong's
 *   phrase list does not share, and a few everyday two-character ones (軟體, 網路);
 * - words of each region's public life (立法院, 捷運; 特首, 立法會);
 * - written Cantonese (嘅, 咗, 喺, 佢哋…), which only Hong Kong text uses.
 * Simplified text is 'mainland': Singapore and Malaysia write the same characters, and OpenCC
 * has no conversion of its own for them.
 */

export interface RegionInput {
  script: DetectedScript;
  /** The reading text (paragraphs, title). */
  texts: Iterable<string>;
  url?: string | null;
  /** The outlet's name. */
  source?: string | null;
}

export interface RegionScores {
  taiwan: number;
  hongkong: number;
  /** How many characters of the reading text were looked at (bounded: see sampleBudget). */
  examined: number;
}

/**
 * Characters only one region writes in ordinary text. Hong Kong's are the forms of its own
 * standard (OpenCC's HKVariants: 説, 衞, 啓, 温…, and 綫 from its place names) plus 裏 and the
 * particle 着, which Taiwan writes 裡 and 著. Taiwan's are 裡 and the particle 著 (著 in 著名,
 * 顯著 is everyone's). The other side of each pair is no sign: Hong Kong newspapers write 說,
 * 線 and 衛 as Taiwan does, and Taiwan writes 台 every day and 臺 in official names.
 */
const hongkongChars = '裏着衞綫説啓税脱閲鋭悦温户兑葱鈎卧藴醖蜕';
const taiwanChars = '裡著';

/** Words of each region's public life: its institutions and places. */
const regionWords = {
  taiwan: [
    '軟體',
    '硬體',
    '網路',
    '簡訊',
    '滑鼠',
    '臺灣',
    '台灣',
    '立法院',
    '行政院',
    '總統府',
    '縣長',
    '縣政府',
    '國軍',
    '捷運',
    '新北',
    '臺北',
    '台北',
    '高雄',
    '臺中',
    '台中',
    '臺南',
    '台南',
    '桃園',
    '新台幣',
    '新臺幣',
  ],
  hongkong: [
    '香港',
    '港府',
    '港人',
    '特首',
    '立法會',
    '九龍',
    '新界',
    '港鐵',
    '港元',
    '港幣',
    '港島',
    '區議會',
    '特區政府',
  ],
} as const;

/** Characters of written Cantonese (嘅 of, 咗 done, 喺 at, 佢 he/she, 哋 plural, 冇 without…). */
const cantonese = '嘅咗喺佢哋冇啲嚟嗰乜咁噉唔嘢囉喎咩';

/** 著 in these words is the same in every region (著名, 著作, 顯著): OpenCC's TWVariantsRevPhrases keys. */
function sameEverywhere(): string[] {
  const group: unknown = Locale.from.tw;
  const dicts = Array.isArray(group) ? (group[0] as unknown) : undefined;
  const phrases: unknown = Array.isArray(dicts) ? (dicts[0] as unknown) : undefined;
  if (typeof phrases !== 'string') return [];
  return phrases
    .split('|')
    .map((entry) => entry.split(' ')[0] ?? '')
    .filter((key) => key.includes('著'));
}

/** A trie of region words, and which code units are some word's second (every word has two or more). */
interface RegionWords {
  trie: DictionaryTrie;
  seconds: Uint8Array;
}

interface Signs {
  zhuPhrases: string[];
  /** Per UTF-16 code unit: 1 a Taiwan sign, 2 a Hong Kong sign, 0 neither. */
  charSigns: Uint8Array;
  taiwanWords: RegionWords;
  hongkongWords: RegionWords;
}

let signs: Signs | null = null;

function phraseValues(dict: unknown): Set<string> {
  const out = new Set<string>();
  if (typeof dict !== 'string') return out;
  for (const entry of dict.split('|')) {
    const value = entry.split(' ')[1];
    if (value && [...value].length >= 3) out.add(value);
  }
  return out;
}

function firstDict(group: unknown): unknown {
  // opencc-js presets: a list of stages, each a list of dictionaries.
  return Array.isArray(group) && Array.isArray(group[0]) ? (group[0] as unknown[])[0] : undefined;
}

function loadSigns(): Signs {
  if (signs) return signs;
  // Taiwan phrases (TWPhrases' values) that are not also Hong Kong's (HKPhrases' values), and not
  // what OpenCC's standard traditional writes for the same word.
  const taiwan = phraseValues(firstDict(Locale.to.twp));
  const hongkong = phraseValues(firstDict(Locale.to.hkp));
  const words = [...taiwan].filter((w) => !hongkong.has(w) && /^\p{Script=Han}+$/u.test(w));
  // Looked up as opencc-js looks up its dictionaries (one trie, longest match): a regular
  // expression of 800 alternatives took 3 ms on a 3,000-character article.
  const trie = (list: readonly string[]): RegionWords => {
    const seconds = new Uint8Array(0x10000);
    for (const w of list) {
      if (w.length < 2) seconds.fill(1); // a one-unit word: no place can be passed over
      else seconds[w.charCodeAt(1)] = 1;
    }
    return { trie: new DictionaryTrie([[...new Set(list)].map((w) => `${w} ${w}`).join('|')]), seconds };
  };
  const charSigns = new Uint8Array(0x10000);
  for (const ch of taiwanChars) charSigns[ch.charCodeAt(0)] = 1;
  for (const ch of hongkongChars + cantonese) charSigns[ch.charCodeAt(0)] = 2;
  signs = {
    zhuPhrases: sameEverywhere(),
    charSigns,
    taiwanWords: trie([...words, ...regionWords.taiwan]),
    hongkongWords: trie(regionWords.hongkong),
  };
  return signs;
}

function zhuIsVariant(text: string, i: number, phrases: readonly string[]): boolean {
  for (const phrase of phrases) {
    const at = phrase.indexOf('著');
    if (i - at >= 0 && text.startsWith(phrase, i - at)) return false;
  }
  return true;
}

function hostRegion(url: string | null | undefined): SourceRegion | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host.endsWith('.tw')) return 'taiwan';
  if (host.endsWith('.hk')) return 'hongkong';
  return null;
}

/**
 * How many words of the trie the text holds, each match taken whole (longest first). A word
 * can start only where the next unit is some word's second: most places are passed over on
 * that, without a walk of the trie (the Taiwan words start with most common characters).
 */
function count(units: Uint16Array, length: number, { trie, seconds }: RegionWords): number {
  const firsts = trie.rootChildren;
  let n = 0;
  for (let i = 0; i < length;) {
    const end =
      i + 1 < length && seconds[units[i + 1]!] === 1 && firsts[units[i]!] !== none ? trie.longestMatch(units, i, length) : 0;
    if (end > 0) {
      n++;
      i = end;
    } else i++;
  }
  return n;
}

/** A strong sign counts as this many characters. */
const strong = 20;

/**
 * At most this many characters of the reading text are looked at: detection runs on every
 * import, and a long article says where it comes from in its first pages as well as in all of
 * them. A longer text is read in windows spread over it, the title and the end included.
 */
export const sampleBudget = 20_000;
const sampleWindows = 10;

/** Evidence this strong, and this far ahead of the other region's, settles it: reading stops. */
const decisive = 60;
const decisiveLead = 5;

/** The parts [text, from, to) of the reading text that are examined: all of it when short, else windows. */
function* samples(texts: readonly string[]): Generator<[string, number, number]> {
  let total = 0;
  for (const text of texts) total += text.length;
  if (total <= sampleBudget) {
    for (const text of texts) yield [text, 0, text.length];
    return;
  }
  const windowLength = Math.floor(sampleBudget / sampleWindows);
  const step = (total - windowLength) / (sampleWindows - 1);
  let window = 0;
  let windowStart = 0;
  let offset = 0; // where the current text starts in the whole
  for (const text of texts) {
    const textEnd = offset + text.length;
    while (window < sampleWindows) {
      windowStart = Math.floor(window * step);
      const windowEnd = windowStart + windowLength;
      const from = Math.max(windowStart, offset);
      const to = Math.min(windowEnd, textEnd);
      if (from < to) yield [text, from - offset, to - offset];
      if (windowEnd > textEnd) break; // the window goes on in the next text
      window++;
    }
    offset = textEnd;
  }
}

/** The evidence for each region, for tests and for the reader's explanation. */
export function regionScores(input: RegionInput): RegionScores {
  const { zhuPhrases, charSigns, taiwanWords, hongkongWords } = loadSigns();
  const scores: RegionScores = { taiwan: 0, hongkong: 0, examined: 0 };
  const host = hostRegion(input.url);
  if (host === 'taiwan') scores.taiwan += strong;
  if (host === 'hongkong') scores.hongkong += strong;
  const source = input.source ?? '';
  if (/臺灣|台灣/.test(source)) scores.taiwan += strong;
  if (/香港/.test(source)) scores.hongkong += strong;
  const zhu = '著'.charCodeAt(0);
  let units = new Uint16Array(256);
  for (const [text, from, to] of samples([...input.texts])) {
    const length = to - from;
    if (units.length < length) units = new Uint16Array(length * 2);
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      units[i - from] = code;
      const sign = charSigns[code];
      if (sign === 1) {
        if (code !== zhu || zhuIsVariant(text, i, zhuPhrases)) scores.taiwan++;
      } else if (sign === 2) scores.hongkong++;
    }
    scores.taiwan += count(units, length, taiwanWords);
    scores.hongkong += count(units, length, hongkongWords);
    scores.examined += length;
    const lead = Math.max(scores.taiwan, scores.hongkong);
    const other = Math.min(scores.taiwan, scores.hongkong);
    if (lead >= decisive && lead >= decisiveLead * other) break;
  }
  return scores;
}

/** Fewer signs than this, or no clear lead (twice the other's), and the article is generic. */
const enough = 3;

export function detectRegion(input: RegionInput): SourceRegion {
  if (input.script === 'simplified') return 'mainland';
  const { taiwan, hongkong } = regionScores(input);
  if (taiwan >= enough && taiwan >= 2 * hongkong) return 'taiwan';
  if (hongkong >= enough && hongkong >= 2 * taiwan) return 'hongkong';
  return 'generic';
}

/** The region of an article as stored: its reading paragraphs (not boilerplate), title, address and outlet. */
export function detectArticleRegion(
  script: DetectedScript,
  metadata: { title: string; url: string | null; source: string | null },
  paragraphs: Iterable<{ kind: string; text: string }>,
): SourceRegion {
  const texts = [metadata.title];
  for (const p of paragraphs) if (p.kind !== 'boilerplate') texts.push(p.text);
  return detectRegion({ script, texts, url: metadata.url, source: metadata.source });
}
