import { useEffect, useRef } from 'react';
import { useNavigation } from '../../state/Navigation';

/**
 * Ctrl/Cmd+F searches the open article, Ctrl/Cmd+Shift+F the whole library: both open the
 * search panel with the cursor in its box. Mounted once by App; renders nothing.
 */
export function SearchShortcuts() {
  const { location, showSidePanel } = useNavigation();
  const latest = useRef({ articleId: location.articleId, showSidePanel });
  useEffect(() => {
    latest.current = { articleId: location.articleId, showSidePanel };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      const { articleId, showSidePanel: show } = latest.current;
      show({ kind: 'search', articleId: event.shiftKey ? null : articleId, focusToken: Date.now() });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return null;
}
