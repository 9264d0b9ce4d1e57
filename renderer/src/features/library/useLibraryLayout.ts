import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { usePreferences } from '../preferences/PreferencesContext';

/** Docked beside the reader, hidden, or drawn over the reader (asked for when there is no room). */
export type LibraryMode = 'docked' | 'hidden' | 'overlay';

/** Pane widths (theme.css) and the narrowest reading column the panes may leave. */
export const libraryWidth = 320;
export const sidePanelWidth = 340;
export const minReadingColumn = 560;

const subscribe = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};
const windowWidth = () => window.innerWidth;

/**
 * Where the library pane goes. The person's hide/show is kept in preferences; on its own the
 * library also steps aside whenever docking it would leave the reading column narrower than
 * minReadingColumn (a narrow window with the side panel open). Ctrl+\ toggles it.
 */
export function useLibraryLayout(sidePanelOpen: boolean) {
  const { preferences, update } = usePreferences();
  const width = useSyncExternalStore(subscribe, windowWidth);
  const [overlay, setOverlay] = useState(false);
  const collapsed = preferences.libraryCollapsed;
  const room = width - libraryWidth - (sidePanelOpen ? sidePanelWidth : 0) >= minReadingColumn;
  const mode: LibraryMode = collapsed ? 'hidden' : room ? 'docked' : overlay ? 'overlay' : 'hidden';

  const toggle = useCallback(() => {
    if (mode === 'docked') update({ libraryCollapsed: true });
    else if (mode === 'overlay') setOverlay(false);
    else {
      if (collapsed) update({ libraryCollapsed: false });
      setOverlay(!room);
    }
  }, [mode, collapsed, room, update]);
  const closeOverlay = useCallback(() => setOverlay(false), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '\\' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      toggle();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [toggle]);

  // Over the reader, the library goes away on Escape or a click outside it, as a popover does.
  useEffect(() => {
    if (mode !== 'overlay') return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOverlay(false);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('.library-pane, .library-toggle, dialog')) return;
      setOverlay(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [mode]);

  return { mode, toggle, closeOverlay };
}
