import { useCallback, useEffect, type ReactNode, type RefObject } from 'react';
import { rangeToConverted } from '../../../../preload/common/offsetMap';
import type { SelectedRange } from '../annotate/useTextSelection';
import type { DisplayText } from '../reader/displayText';
import { DictionaryPopup } from './DictionaryPopup';
import { useDictionaryLookup } from './useDictionaryLookup';
import { useShiftHover } from './useShiftHover';

/**
 * The reader's dictionary: Shift+hover over a character, or `d` on the selection (else the
 * current paragraph's first character), opens the pop-up there. The popup is what to render.
 */
export function useReaderDictionary(
  articleRef: RefObject<HTMLElement | null>,
  display: ReadonlyMap<number, DisplayText>,
  lang: string,
): { popup: ReactNode; lookUpHere: (selected: SelectedRange | null, paragraphId: number | null) => void } {
  const displayOf = useCallback((id: number) => display.get(id), [display]);
  const lookup = useDictionaryLookup(articleRef, displayOf);
  const { lookUp, close } = lookup;

  useShiftHover(articleRef, (place) => lookUp(place, { focus: false }));

  // Another script mode (or a changed text) shows other characters: the pop-up's word is gone.
  useEffect(() => () => close(false), [display, close]);

  const lookUpHere = useCallback(
    (selected: SelectedRange | null, paragraphId: number | null) => {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (selected) {
        const shown = display.get(selected.paragraphId);
        if (!shown) return;
        const { start } = rangeToConverted(shown.map, { start: selected.start, end: selected.end });
        lookUp({ paragraphId: selected.paragraphId, offset: start }, { focus: true, opener });
        return;
      }
      if (paragraphId === null) return;
      const text = display.get(paragraphId)?.text ?? '';
      const first = text.search(/\S/u);
      if (first >= 0) lookUp({ paragraphId, offset: first }, { focus: true, opener });
    },
    [display, lookUp],
  );

  const { state } = lookup;
  const popup = state ? (
    <DictionaryPopup lookup={lookup} state={state} display={display.get(state.place.paragraphId)} lang={lang} />
  ) : null;
  return { popup, lookUpHere };
}
