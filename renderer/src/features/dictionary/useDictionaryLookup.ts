import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { maxLookupTextLength, maxWordLength, type WordLookup } from '../../../../preload/contract/dictionaryTypes';
import { pizhu } from '../../api/pizhuClient';
import type { DisplayText } from '../reader/displayText';
import { displayRange, paragraphTextElement } from './wordRange';

/** Where a lookup asks: a place in a paragraph's display text (and a word length there, for ↑/↓). */
export interface LookupPlace {
  paragraphId: number;
  offset: number;
  length?: number;
}

export interface LookupState {
  place: LookupPlace;
  /** undefined while the lookup runs; null when no dictionary word starts there. */
  result: WordLookup | null | undefined;
  error: string | null;
  /** Relative to the article element: under the word's first line (`top`), and that line's top (`above`). */
  anchor: { top: number; left: number; above: number };
  /** Opened from the keyboard: the pop-up takes focus, and gives it back to `opener` when closed. */
  focus: boolean;
  opener: HTMLElement | null;
}

const popupWidth = 340;
const outlineName = 'pizhu-dictionary-word';

interface HighlightRegistry {
  set: (name: string, highlight: unknown) => void;
  delete: (name: string) => void;
}

/**
 * The dictionary pop-up's lookups over the reader's display text (any script mode): the word at
 * a place, moved along the text or made longer or shorter, and outlined in the text with the CSS
 * Custom Highlight API, so the DOM, the selection and every anchor stay as they are.
 */
export function useDictionaryLookup(
  rootRef: RefObject<HTMLElement | null>,
  displayOf: (paragraphId: number) => DisplayText | undefined,
) {
  const [state, setState] = useState<LookupState | null>(null);
  const request = useRef(0);

  const anchorOf = useCallback(
    (place: LookupPlace, length: number) => {
      const root = rootRef.current;
      const el = paragraphTextElement(root, place.paragraphId);
      if (!root || !el) return { top: 0, left: 0, above: 0 };
      const rootRect = root.getBoundingClientRect();
      const range = displayRange(el, place.offset, place.offset + Math.max(1, length));
      const line = range.getClientRects()[0] ?? range.getBoundingClientRect();
      const left = Math.max(8, Math.min(line.left - rootRect.left, rootRect.width - popupWidth - 8));
      return { top: line.bottom - rootRect.top + 6, left, above: line.top - rootRect.top - 6 };
    },
    [rootRef],
  );

  const lookUp = useCallback(
    (place: LookupPlace, how: { focus: boolean; opener?: HTMLElement | null }) => {
      const display = displayOf(place.paragraphId);
      if (!display || place.offset < 0 || place.offset >= display.text.length) return;
      const id = ++request.current;
      setState((s) => ({
        place,
        result: undefined,
        error: null,
        anchor: anchorOf(place, place.length ?? 1),
        focus: how.focus || (s?.focus ?? false),
        opener: how.opener !== undefined ? how.opener : (s?.opener ?? null),
      }));
      // A long paragraph is sent from the place on: a word never reaches further than maxWordLength.
      const long = display.text.length > maxLookupTextLength;
      const base = long ? place.offset : 0;
      const text = long ? display.text.slice(base, base + maxWordLength * 2) : display.text;
      void pizhu
        .lookupWord({ text, offset: place.offset - base, ...(place.length ? { length: place.length } : {}) })
        .then((answer) => {
          if (id !== request.current) return;
          setState((s) => {
            if (!s) return s;
            if (!answer.ok) return { ...s, result: null, error: answer.error.message };
            const found = answer.value && { ...answer.value, start: answer.value.start + base };
            const anchor = found ? anchorOf({ ...place, offset: found.start }, found.length) : s.anchor;
            return { ...s, result: found, anchor };
          });
        });
    },
    [displayOf, anchorOf],
  );

  const close = useCallback((returnFocus: boolean) => {
    request.current++;
    setState((s) => {
      if (returnFocus && s?.opener?.isConnected) s.opener.focus({ preventScroll: true });
      return null;
    });
  }, []);

  /** ←/→: the word starting one character later or earlier (a surrogate pair is one character). */
  const move = useCallback(
    (direction: 1 | -1) => {
      if (!state) return;
      const text = displayOf(state.place.paragraphId)?.text ?? '';
      const from = state.result?.start ?? state.place.offset;
      let offset = from + direction;
      if (direction === 1 && /[\uD800-\uDBFF]/.test(text[from] ?? '')) offset++;
      if (direction === -1 && /[\uDC00-\uDFFF]/.test(text[offset] ?? '')) offset--;
      if (offset < 0 || offset >= text.length) return;
      lookUp({ paragraphId: state.place.paragraphId, offset }, { focus: false });
    },
    [state, displayOf, lookUp],
  );

  /** ↑: the next longer word at this place; ↓: the next shorter one. */
  const resize = useCallback(
    (direction: 1 | -1) => {
      const result = state?.result;
      if (!state || !result) return;
      const at = result.lengths.indexOf(result.length);
      const length = result.lengths[at - direction];
      if (length === undefined) return;
      lookUp({ paragraphId: state.place.paragraphId, offset: result.start, length }, { focus: false });
    },
    [state, lookUp],
  );

  // The word looked up, outlined in the text: drawn by the engine over the text, never in it.
  const outlined = state?.result;
  const outlinedParagraph = state?.place.paragraphId;
  useEffect(() => {
    const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
    const HighlightType = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!registry || !HighlightType || !outlined || outlinedParagraph === undefined) return;
    const el = paragraphTextElement(rootRef.current, outlinedParagraph);
    if (!el) return;
    registry.set(outlineName, new HighlightType(displayRange(el, outlined.start, outlined.start + outlined.length)));
    return () => registry.delete(outlineName);
  }, [rootRef, outlined, outlinedParagraph]);

  return { state, lookUp, close, move, resize };
}

export type DictionaryLookup = ReturnType<typeof useDictionaryLookup>;
