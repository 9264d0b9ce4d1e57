import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { SearchPanel } from '../search/SearchPanel';
import { MemosPanel } from '../memos/MemosPanel';
import { tagMessages } from './messages';
import { TagPane } from './TagPane';
import { TagPassages } from './TagPassages';
import './tags.css';

/** The right-hand panel: the tag pane, or one tag's passages across the library. */
export function SidePanelHost() {
  const t = useMessages(tagMessages);
  const { sidePanel } = useNavigation();
  if (sidePanel.kind === 'none') return null;
  if (sidePanel.kind === 'search') return <SearchPanel panel={sidePanel} />;
  if (sidePanel.kind === 'memos') return <MemosPanel focusMemoId={sidePanel.focusMemoId} />;
  return (
    <aside className="side-panel" aria-label={t('tagsPanel')}>
      {sidePanel.kind === 'tags' ? <TagPane /> : <TagPassages key={sidePanel.tag} tag={sidePanel.tag} />}
    </aside>
  );
}

/** Opens and closes the tag panel; it stays in one corner so the same button closes what it opened. */
export function TagsButton() {
  const t = useMessages(tagMessages);
  const { sidePanel, showSidePanel } = useNavigation();
  const open = sidePanel.kind !== 'none';
  return (
    <button
      type="button"
      className="bar-pill tags-button"
      aria-pressed={open}
      title={open ? t('closePanel') : t('tags')}
      onClick={() => showSidePanel(open ? { kind: 'none' } : { kind: 'tags' })}
    >
      {t('tags')}
    </button>
  );
}
