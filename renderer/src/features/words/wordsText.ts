import type { ScriptMode } from '../../../../preload/common/scriptModes';
import { createConverter } from '../../../../preload/common/createConverter';
import { foldToSimplified } from '../../../../preload/common/foldScript';

/**
 * A KWIC line's text in the reader's script: folded to simplified, then written in the mode
 * (as stored for 'original'). Only shown: coding uses the stored offsets the line carries.
 */
export function inReaderScript(text: string, mode: ScriptMode): string {
  if (mode === 'original') return text;
  const folded = foldToSimplified(text);
  return mode === 'cn' ? folded : createConverter('simplified', mode).convert(folded).text;
}
