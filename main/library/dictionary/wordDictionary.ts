import type { WordLookup } from '../../../preload/contract/dictionaryTypes';

/** What the app's lookupWord and `pizhu lookup` need of the dictionary. */
export interface WordDictionary {
  /** The longest word at `offset` of `text` (or the one of `length` there); null when none starts there. */
  lookupWord(text: string, offset: number, length?: number): WordLookup | null;
}

/**
 * A dictionary opened on its first use, once: opening reads the packed file (tens of ms), which
 * must not hold up the first paint. A failed open is tried again on the next call.
 */
export function lazyDictionary(open: () => WordDictionary): WordDictionary {
  let opened: WordDictionary | undefined;
  return {
    lookupWord(text, offset, length) {
      opened ??= open();
      return opened.lookupWord(text, offset, length);
    },
  };
}
