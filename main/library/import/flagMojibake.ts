import type { DetectedScript } from '../../../preload/contract/articleTypes';
import { charScript, hanziFrequency, type CharScript, type HanziFrequency } from './chineseScript';
import { isHanCode } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

/** Within any 8 characters: a score of 4 with at least one strong sign is a garbled run. */
const windowSize = 8;
const minScore = 4;

/** Signs by index into `scores`: none, one weak, two weak, strong (the last index is the strong one). */
type Sign = 0 | 1 | 2 | 3;
const none: Sign = 0;
const oneWeak: Sign = 1;
const twoWeak: Sign = 2;
const strongSign: Sign = 3;
const scores: readonly number[] = [0, 1, 2, 2];

/**
 * Flags 'mojibake' where text was decoded with the wrong encoding or out of step (GBK read one
 * byte late). Such runs are characters drawn evenly from the whole code table, so they bunch up
 * what ordinary text has only now and then. Weak signs count 1 each: a rare character (GB 2312
 * level 2; an idiom like 铿锵 has several) and a character of the other script (桥 in a
 * traditional text). Strong signs count 2 and one must be present: a character outside GB 2312,
 * € and C1 controls, U+FFFD, private use, Hangul, and '?' glued between characters where a byte
 * pair had no character. Kana next to kana is Japanese (a name, a quoted title) and a lone kana
 * only a weak sign; written Cantonese characters (佢哋, 嘅, 咁) are ordinary Hong Kong text.
 * The text is flagged, never rewritten.
 */
export function flagMojibake(paragraphs: readonly WorkingParagraph[], script: DetectedScript): void {
  for (const p of paragraphs) if (hasGarbledRun(p.text, script)) addFlag(p, 'mojibake');
}

export function hasGarbledRun(text: string, script: DetectedScript): boolean {
  const signs = signTable(script);
  const window = new Uint8Array(windowSize); // the scores of the last 8 characters
  let sum = 0;
  let lastStrong = -windowSize;
  let n = 0; // characters seen, a surrogate pair counted once
  for (let i = 0; i < text.length; i++, n++) {
    const code = text.charCodeAt(i);
    let sign: Sign;
    if (code >= 0xd800 && code <= 0xdbff) {
      sign = oddness(text.slice(i, i + 2), text[i - 1], text[i + 2], script);
      i++;
    } else if (code === questionMark) sign = oddness('?', text[i - 1], text[i + 1], script);
    else if (isKanaCode(code)) sign = kanaSign(text.charCodeAt(i - 1), text.charCodeAt(i + 1));
    else sign = signOfCode(signs, code, script);
    const score = scores[sign] ?? 0;
    const slot = n % windowSize;
    sum += score - (window[slot] ?? 0);
    window[slot] = score;
    if (sign === strongSign) lastStrong = n;
    if (sum >= minScore && n - lastStrong < windowSize) return true;
  }
  return false;
}

/** '?' is the one character whose sign depends on its neighbours. */
const questionMark = 0x3f;

function oddness(ch: string, before: string | undefined, after: string | undefined, script: DetectedScript): Sign {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch === '?' && isWordChar(before) && isWordChar(after) ? strongSign : none;
  if (isHanCode(code)) return hanSign(hanziFrequency(ch), charScript(ch), script, ch);
  if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) return strongSign; // undecodable, private use
  if (/\p{Script=Hangul}/u.test(ch)) return strongSign;
  // C1 controls and the symbols a byte read as Windows-1252 / Latin-1 turns into.
  return (code >= 0x80 && code <= 0x9f) || '€ƒ„†‡‰¤¦¨¯¸ÃÂ'.includes(ch) ? strongSign : none;
}

/** Hiragana, katakana (with its phonetic extensions) and half-width katakana. */
function isKanaCode(code: number): boolean {
  return (code >= 0x3041 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff) || (code >= 0xff66 && code <= 0xff9f);
}

/** Kana in a run is Japanese; a lone kana among Chinese characters is a weak sign of a garbled run. */
function kanaSign(before: number, after: number): Sign {
  return isKanaCode(before) || isKanaCode(after) ? none : oneWeak;
}

/** Characters of written Cantonese, outside GB 2312 but ordinary in Hong Kong text. */
const cantonese = new Set(
  '佢哋嘅咗冇嘢啲咁喺嗰噉嚟睇瞓攰嬲攞揾搵嘢咩乜嗱啱嘞喇㗎嘥冚唔係咪吖喎囉噃嚿忟擰諗諗屌撚柒閪仲啫咋嗎呀啦嘛喂哋嚕嘈咭氹掟攬攪咪噏'.split(
    '',
  ),
);

function hanSign(frequency: HanziFrequency, own: CharScript, script: DetectedScript, ch: string): Sign {
  if (cantonese.has(ch)) return none;
  if (frequency === 'outside') return strongSign;
  const otherScript =
    (script === 'traditional' && own === 'simplified') || (script === 'simplified' && own === 'traditional');
  const weak = (frequency === 'rare' ? 1 : 0) + (otherScript ? 1 : 0);
  return weak === 2 ? twoWeak : weak === 1 ? oneWeak : none;
}

/** Per article script, per BMP code unit: 0 not asked yet, else 1 + its sign. */
const signTables = new Map<DetectedScript, Uint8Array>();

function signTable(script: DetectedScript): Uint8Array {
  let table = signTables.get(script);
  if (!table) {
    table = new Uint8Array(0x10000);
    signTables.set(script, table);
  }
  return table;
}

/**
 * The sign of a BMP code unit other than '?' and a lead surrogate, cached: this runs on every
 * character of every article, and such a sign does not depend on the neighbours.
 */
function signOfCode(table: Uint8Array, code: number, script: DetectedScript): Sign {
  const known = table[code] ?? 0;
  if (known > 0) return (known - 1) as Sign;
  const sign = oddness(String.fromCharCode(code), undefined, undefined, script);
  table[code] = sign + 1;
  return sign;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}(（]/u.test(ch);
}
