import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { searchMessages } from './messages';
import './search.css';

/** The visible way into search (the keys are Ctrl/Cmd+F and Ctrl/Cmd+Shift+F): the whole library, narrowed in the panel. */
export function SearchButton() {
  const t = useMessages(searchMessages);
  const { sidePanel, showSidePanel } = useNavigation();
  return (
    <button
      type="button"
      className="search-open"
      title={t('openSearchTitle')}
      aria-pressed={sidePanel.kind === 'search'}
      onClick={() => showSidePanel({ kind: 'search', articleId: null, focusToken: Date.now() })}
    >
      <svg width="13" height="13" viewBox="0 0 13 13" aria-hidden="true" focusable="false">
        <circle cx="5.5" cy="5.5" r="4" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M8.5 8.5 12 12" stroke="currentColor" strokeWidth="1.4" />
      </svg>
      {t('openSearch')}
    </button>
  );
}
