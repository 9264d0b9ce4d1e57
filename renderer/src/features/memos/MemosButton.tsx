import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { memoMessages } from './messages';

/** Opens and closes the memos panel (the open article's memo and the research journal). */
export function MemosButton() {
  const t = useMessages(memoMessages);
  const { sidePanel, showSidePanel } = useNavigation();
  const open = sidePanel.kind === 'memos';
  return (
    <button
      type="button"
      className="bar-pill memos-button"
      aria-pressed={open}
      onClick={() => showSidePanel(open ? { kind: 'none' } : { kind: 'memos', focusMemoId: null })}
    >
      {t('open')}
    </button>
  );
}
