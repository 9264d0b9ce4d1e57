import { useEffect } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { isOutsideReaderKeys } from '../annotate/isEditableTarget';
import { sidebarMessages } from './messages';
import { toggleSidebar, useSidebarOpen } from './sidebarStore';
import './sidebar.css';
import { BarIcon } from '../../ui/BarIcon';

/** The shortcut that opens and closes the annotations sidebar (listed in the `?` overlay). */
export const sidebarKey = 'a';

/** The reader toolbar's annotations button; `a` outside a text field does the same. Shown while an article is open. */
export function SidebarButton() {
  const t = useMessages(sidebarMessages);
  const open = useSidebarOpen();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== sidebarKey || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isOutsideReaderKeys(event)) return;
      event.preventDefault();
      toggleSidebar();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const label = open ? t('hideSidebar') : t('showSidebar');
  return (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-label={label}
      title={`${label} (${sidebarKey.toUpperCase()})`}
      aria-expanded={open}
      aria-keyshortcuts={sidebarKey}
      onClick={toggleSidebar}
    >
      <BarIcon>
        <rect x="2" y="3" width="14" height="12" rx="2" />
        <path d="M11 3v12M13 6.5h1M13 9h1M13 11.5h1" />
      </BarIcon>
    </button>
  );
}
