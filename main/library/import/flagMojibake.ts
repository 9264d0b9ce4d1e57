import type { DetectedScript } from '../../../preload/contract/articleTypes';
import { charScript, hanziFrequency } from './chineseScript';
import { addFlag, type WorkingParagraph } from './workingParagraph';

/** Within any 8 characters: a score of 4 with at least one strong sign is a garbled run. */
const windowSize = 8;
const minScore = 4;

interface Oddness {
  score: number;
  strong: boolean;
}

const none: Oddness = { score: 0, strong: false };
const strongSign: Oddness = { score: 2, strong: true };

/**
 * Flags 'mojibake' where text was decoded with the wrong encoding or out of step (GBK read one
 * byte late). Such runs are characters drawn evenly from the whole code table, so they bunch up
 * what ordinary text has only now and then. Weak signs count 1 each: a rare character (GB 2312
 * level 2; an idiom like 铿锵 has several) and a character of the other script (后 and 于 are
 * common in traditional text from the mainland). Strong signs count 2 and one must be present:
 * a character outside GB 2312, € and C1 controls, U+FFFD, private use, kana, and '?' glued
 * between characters where a byte pair had no character. The text is flagged, never rewritten.
 */
export function flagMojibake(paragraphs: readonly WorkingParagraph[], script: DetectedScript): void {
  for (const p of paragraphs) if (hasGarbledRun(p.text, script)) addFlag(p, 'mojibake');
}

export function hasGarbledRun(text: string, script: DetectedScript): boolean {
  const chars = [...text];
  const signs = chars.map((ch, i) => oddness(ch, chars[i - 1], chars[i + 1], script));
  for (let end = 0; end < signs.length; end++) {
    const window = signs.slice(Math.max(0, end - windowSize + 1), end + 1);
    if (window.reduce((sum, s) => sum + s.score, 0) >= minScore && window.some((s) => s.strong)) return true;
  }
  return false;
}

function oddness(ch: string, before: string | undefined, after: string | undefined, script: DetectedScript): Oddness {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) return strongSign; // undecodable, private use
  if (/\p{Script=Han}/u.test(ch)) {
    const frequency = hanziFrequency(ch);
    if (frequency === 'outside') return strongSign;
    const own = charScript(ch);
    const otherScript =
      (script === 'traditional' && own === 'simplified') || (script === 'simplified' && own === 'traditional');
    return { score: (frequency === 'rare' ? 1 : 0) + (otherScript ? 1 : 0), strong: false };
  }
  if (ch === '?' && isWordChar(before) && isWordChar(after)) return strongSign;
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) return strongSign;
  // C1 controls and the symbols a byte read as Windows-1252 / Latin-1 turns into.
  return (cp >= 0x80 && cp <= 0x9f) || '€ƒ„†‡‰¤¦¨¯¸ÃÂ'.includes(ch) ? strongSign : none;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}(（]/u.test(ch);
}
