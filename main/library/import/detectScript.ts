import type { DetectedScript } from '../../../preload/contract/articleTypes';
import { charScript, charScriptOfCode } from './chineseScript';
import { isHanCode } from './textPatterns';

export interface ScriptCounts {
  traditional: number;
  simplified: number;
}

/** How many characters only traditional text uses, and how many only simplified text uses. */
export function countScriptChars(texts: Iterable<string>): ScriptCounts {
  const counts: ScriptCounts = { traditional: 0, simplified: 0 };
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isHanCode(code)) continue;
      const astral = code >= 0xd800 && code <= 0xdbff;
      const script = astral ? charScript(text.slice(i, i + 2)) : charScriptOfCode(code);
      if (astral) i++;
      if (script !== 'shared') counts[script]++;
    }
  }
  return counts;
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
