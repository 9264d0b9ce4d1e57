import { useCallback } from 'react';
import { usePreferences } from '../preferences/PreferencesContext';
import { displayText } from '../reader/displayText';

/**
 * A tag name shown in the reader's default script mode (技术 reads 技術 beside articles read in
 * 繁體): the library keeps one tag for both spellings, so it is shown the way the person reads.
 * A name may be typed in either script, so it converts as mixed text. Display only: the stored
 * name is what is attached, filtered and exported, and is offered as the element's title.
 */
export function useTagScript(): (name: string) => string {
  const { defaultScriptMode } = usePreferences().preferences;
  return useCallback(
    (name: string) =>
      defaultScriptMode === 'original' ? name : displayText(name, { script: 'mixed', mode: defaultScriptMode, fullWidthPunctuation: false }).text,
    [defaultScriptMode],
  );
}
