import type { ComparedVersion } from '../../../../preload/contract/compareTypes';
import { displayText, type DisplayOptions, type DisplayText } from '../reader/displayText';

/**
 * A version's text (title, outlet, paragraph) as the comparison shows it: in the reader's mode,
 * through that version's own script and region. Two versions of one story may come from Taiwan
 * and Hong Kong; converting both as the open article would give one side the other's words.
 */
export function versionText(
  text: string,
  version: Pick<ComparedVersion, 'script' | 'region'>,
  options: Omit<DisplayOptions, 'script' | 'region'>,
): DisplayText {
  return displayText(text, { ...options, script: version.script, region: version.region });
}
