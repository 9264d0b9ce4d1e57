/**
 * Zhuyin (bopomofo, 注音) from CC-CEDICT's numbered pinyin, as readers in Taiwan learn it:
 * "yin2 hang2" -> "ㄧㄣˊ ㄏㄤˊ". The first tone has no mark, the neutral tone (5) puts ˙ before
 * the syllable, and an erhua "r5" is ㄦ. Capitalised names read as any other syllable; a token that
 * is not a pinyin syllable (a digit, a Latin letter, punctuation) passes through unchanged.
 */

const initials: ReadonlyArray<readonly [string, string]> = [
  ['zh', 'ㄓ'], ['ch', 'ㄔ'], ['sh', 'ㄕ'],
  ['b', 'ㄅ'], ['p', 'ㄆ'], ['m', 'ㄇ'], ['f', 'ㄈ'], ['d', 'ㄉ'], ['t', 'ㄊ'], ['n', 'ㄋ'], ['l', 'ㄌ'],
  ['g', 'ㄍ'], ['k', 'ㄎ'], ['h', 'ㄏ'], ['j', 'ㄐ'], ['q', 'ㄑ'], ['x', 'ㄒ'],
  ['r', 'ㄖ'], ['z', 'ㄗ'], ['c', 'ㄘ'], ['s', 'ㄙ'],
];

/** Finals as written after an initial (y/w spellings are rewritten to these first). */
const finals: Readonly<Record<string, string>> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ',
  an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ', eng: 'ㄥ', er: 'ㄦ', ong: 'ㄨㄥ',
  i: 'ㄧ', ia: 'ㄧㄚ', io: 'ㄧㄛ', ie: 'ㄧㄝ', iai: 'ㄧㄞ', iao: 'ㄧㄠ', iu: 'ㄧㄡ', iou: 'ㄧㄡ',
  ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ',
  u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', ui: 'ㄨㄟ', uei: 'ㄨㄟ', uan: 'ㄨㄢ', un: 'ㄨㄣ', uen: 'ㄨㄣ',
  uang: 'ㄨㄤ', ueng: 'ㄨㄥ',
  ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ',
  // Syllables of a nasal alone (嗯 n2, 呣 m2, 哼 hng) and the erhua r.
  m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ',
};

const toneMarks = ['', '', 'ˊ', 'ˇ', 'ˋ'] as const;

/** y- and w- spellings of finals standing alone: yi -> i, you -> iu, wu -> u, yu -> ü … */
function withoutGlide(syllable: string): string {
  if (syllable.startsWith('y')) {
    const rest = syllable.slice(1);
    if (rest.startsWith('u')) return 'ü' + rest.slice(1); // yu, yue, yuan, yun
    if (rest.startsWith('i')) return rest; // yi, yin, ying
    return rest === 'ou' ? 'iu' : 'i' + rest; // ya, ye, yao, you, yan, yang, yong
  }
  if (syllable.startsWith('w')) {
    const rest = syllable.slice(1);
    if (rest.startsWith('u')) return rest; // wu
    if (rest === 'ei') return 'ui';
    if (rest === 'en') return 'un';
    return 'u' + rest; // wa, wo, wai, wan, wang, weng
  }
  return syllable;
}

/** The bopomofo of a toneless lower-case syllable, or null when it is not one. */
function bopomofo(syllable: string): string | null {
  if (syllable === 'r') return 'ㄦ'; // erhua written as a syllable of its own (r5)
  if (syllable === 'hm') return 'ㄏㄇ';
  if (syllable === 'hng') return 'ㄏㄫ';
  if (syllable === 'm' || syllable === 'n' || syllable === 'ng') return finals[syllable]!;
  const bare = withoutGlide(syllable);
  if (bare !== syllable) return finals[bare] ?? null;
  for (const [latin, symbol] of initials) {
    if (!syllable.startsWith(latin)) continue;
    let rest = syllable.slice(latin.length);
    // zhi chi shi ri zi ci si: the initial alone.
    if (rest === 'i' && /^(zh|ch|sh|r|z|c|s)$/.test(latin)) return symbol;
    // After j, q, x, u is ü.
    if (/^[jqx]$/.test(latin) && rest.startsWith('u')) rest = 'ü' + rest.slice(1);
    if (rest === '') return null;
    const final = finals[rest];
    return final === undefined ? null : symbol + final;
  }
  return finals[syllable] ?? null;
}

/** One numbered syllable ("hang2", "nu:3", "Xi2", "r5", "ma5") in zhuyin; anything else as it is. */
export function syllableToZhuyin(token: string): string {
  const match = /^([A-Za-zü:]+?)([1-5])$/.exec(token);
  if (!match) return token;
  const syllable = match[1]!.toLowerCase().replace(/u:|v/g, 'ü');
  const tone = Number(match[2]);
  const symbols = bopomofo(syllable);
  if (symbols === null) return token;
  if (syllable === 'r') return symbols; // erhua: no tone of its own
  return tone === 5 ? `˙${symbols}` : symbols + toneMarks[tone];
}

/** A whole CC-CEDICT reading in zhuyin, syllable by syllable ("yin2 hang2" -> "ㄧㄣˊ ㄏㄤˊ"). */
export function pinyinToZhuyin(numbered: string): string {
  return numbered
    .split(' ')
    .map((token) => syllableToZhuyin(token))
    .join(' ');
}
