import { useEffect, useRef, type RefObject } from 'react';
import { characterAtPoint } from './wordRange';

/**
 * Hover with Shift held (no button pressed) over the reader's text: the character under the
 * pointer, once per character. Shift, not Alt: Alt alone opens the window menu on Windows and
 * Linux, and Shift only changes a selection together with a click or an arrow key, neither of
 * which a hover is. (Pressing Shift alone with the pointer at rest does nothing: that is how a
 * keyboard selection begins, Shift+arrows.)
 */
export function useShiftHover(
  rootRef: RefObject<HTMLElement | null>,
  onCharacter: (place: { paragraphId: number; offset: number }) => void,
): void {
  const latest = useRef(onCharacter);
  useEffect(() => {
    latest.current = onCharacter;
  });

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let last = '';
    const at = (x: number, y: number) => {
      const found = characterAtPoint(x, y);
      if (!found) return;
      const key = `${found.paragraphId}:${found.offset}`;
      if (key === last) return;
      last = key;
      latest.current(found);
    };
    const onMove = (event: PointerEvent) => {
      if (!event.shiftKey || event.buttons !== 0 || event.pointerType === 'touch') {
        last = '';
        return;
      }
      at(event.clientX, event.clientY);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === 'Shift') last = '';
    };
    root.addEventListener('pointermove', onMove);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      root.removeEventListener('pointermove', onMove);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [rootRef]);
}
