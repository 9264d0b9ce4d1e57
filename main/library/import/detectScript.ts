import type { DetectedScript } from '../../../preload/contract/articleTypes';
import { charScript, charScriptOfCode, type CharScript } from './chineseScript';
import { isHanCode } from './textPatterns';

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/** How many characters only traditional text uses, and how many only simplified text uses. */
export function countScriptChars(texts: Iterable<string>): ScriptCounts {
  let traditional = 0;
  let simplified = 0;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let script: number;
      if (code >= 0xd840 && code <= 0xd8bf) {
        script = scripts.indexOf(charScript(text.slice(i, i + 2))); // planes 2-3: the ideograph extensions
        i++;
      } else script = scriptOfCode(code);
      if (script === traditionalScript) traditional++;
      else if (script === simplifiedScript) simplified++;
    }
  }
  return { traditional, simplified };
}

const scripts: readonly CharScript[] = ['shared', 'traditional', 'simplified'];
const traditionalScript = 1;
const simplifiedScript = 2;
/** Per BMP code unit: 0 not asked yet, else 1 + its index in `scripts` ('shared' for all but ideographs). */
const codeScripts = new Uint8Array(0x10000);

/** The index in `scripts` of charScriptOfCode for ideographs, 'shared' for the rest; cached, as this runs on every character. */
function scriptOfCode(code: number): number {
  let known = codeScripts[code] ?? 0;
  if (known === 0) {
    known = scripts.indexOf(isHanCode(code) ? charScriptOfCode(code) : 'shared') + 1;
    codeScripts[code] = known;
  }
  return known - 1;
}

/**
 * The article's script from character statistics: characters that exist in one script only.
 * A few strays of the other script (怎么樣 in a traditional text, a 著 in a simplified one)
 * do not change the verdict; a real mix does. Without enough telling characters: unknown.
 */
export function detectScript(texts: Iterable<string>): DetectedScript {
  const { traditional, simplified } = countScriptChars(texts);
  const telling = traditional + simplified;
  if (telling < 3) return 'unknown';
  const share = traditional / telling;
  if (share >= 0.85) return 'traditional';
  if (share <= 0.15) return 'simplified';
  return 'mixed';
}
