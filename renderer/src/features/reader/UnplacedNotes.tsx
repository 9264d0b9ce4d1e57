import { useEffect, useRef, useState } from 'react';
import type { ArticleView, ParagraphView, UnplacedAnnotation } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useMembers } from '../team/membersStore';
import { teamMessages } from '../team/messages';
import { readerMessages } from './messages';
import { OrphanSection } from './OrphanSection';
import { unplacedList, type UnplacedItem } from './unplacedList';

interface Props {
  articleId: number;
  unplaced: readonly UnplacedAnnotation[];
  /** The article's paragraphs, any of which the person may place an entry on. */
  paragraphs: readonly ParagraphView[];
  display: (text: string) => string;
  /** The article's list after a change (setUnplacedDismissed answers with it). */
  onUnplaced: (list: UnplacedAnnotation[]) => void;
  /** The article after an entry was placed (its notes and tags changed). */
  onArticle: (view: ArticleView) => void;
  onError: (message: string) => void;
}

/** A paragraph as the place chooser names it: its number and its first words. */
const paragraphLabel = (p: ParagraphView, display: (text: string) => string) => {
  const text = display(p.text).replace(/\s+/g, ' ').trim();
  return `${p.order + 1}. ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
};

/**
 * Notes and paragraph tags made on another device that no paragraph here matches (sync, #19):
 * listed with their words and maker, never dropped. One set aside is listed collapsed, with a way back.
 */
export function UnplacedNotes({ articleId, unplaced, paragraphs, display, onUnplaced, onArticle, onError }: Props) {
  const t = useMessages(readerMessages);
  const team = useMessages(teamMessages);
  const members = useMembers(unplaced);
  const [showSetAside, setShowSetAside] = useState(false);
  // The entry whose place is being chosen, and the paragraph chosen so far.
  const [placing, setPlacing] = useState<{ key: string; paragraphId: number } | null>(null);
  // The button pressed goes away with its row: the focus follows the row (to the set-aside count,
  // or to its Set aside once back), so a keyboard person keeps their place and sees where it is.
  const focusAfter = useRef<{ key: string; aside: boolean } | null>(null);
  // The place chooser takes the place of the button pressed, and gives it back on Cancel: the
  // focus goes with it each way (declared before focusAfter's effect, which wins once placed).
  const placingKey = placing?.key ?? null;
  const lastPlacingKey = useRef<string | null>(null);
  useEffect(() => {
    const closed = lastPlacingKey.current;
    lastPlacingKey.current = placingKey;
    const key = placingKey ?? closed;
    if (key === null) return;
    const part = placingKey === null ? '.unplaced-place-on' : 'select';
    document.querySelector<HTMLElement>(`[data-unplaced-key="${CSS.escape(key)}"] ${part}`)?.focus();
  }, [placingKey]);
  useEffect(() => {
    const moved = focusAfter.current;
    if (!moved) return;
    focusAfter.current = null;
    const selector = moved.aside ? '.unplaced-set-aside' : `[data-unplaced-key="${CSS.escape(moved.key)}"] button`;
    document.querySelector<HTMLElement>(selector)?.focus();
  });
  if (unplaced.length === 0) return null;
  const { shown, setAside } = unplacedList(unplaced, members, { you: team('you_'), unknown: team('unknownMaker') });
  const setDismissed = async (key: string, dismissed: boolean) => {
    const result = await pizhu.setUnplacedDismissed({ articleId, key, dismissed });
    if (!result.ok) return onError(result.error.message);
    focusAfter.current = { key, aside: dismissed };
    onUnplaced(result.value);
  };
  // Placed as the person's own edit (main: annotations/placeUnplaced); the article is read again for its notes and tags.
  const place = async (key: string, paragraphId: number) => {
    const result = await pizhu.placeUnplaced({ articleId, key, paragraphId });
    if (!result.ok) return onError(result.error.message);
    const view = await pizhu.getArticle({ articleId });
    // The chooser closes with the article read again, in one render: closed before, the focus
    // went to a row about to go, and was lost with it.
    setPlacing(null);
    focusAfter.current = { key, aside: true };
    if (view.ok) onArticle(view.value);
    else onUnplaced(result.value);
  };
  const chooser = (item: UnplacedItem) =>
    placing?.key === item.key ? (
      <span className="unplaced-place">
        <select
          aria-label={t('placeParagraph')}
          value={placing.paragraphId}
          onChange={(e) => setPlacing({ key: item.key, paragraphId: Number(e.target.value) })}
        >
          {paragraphs.map((p) => (
            <option key={p.id} value={p.id}>
              {paragraphLabel(p, display)}
            </option>
          ))}
        </select>
        <button type="button" className="link-button" onClick={() => void place(item.key, placing.paragraphId)}>
          {t('place')}
        </button>
        <button type="button" className="link-button" onClick={() => setPlacing(null)}>
          {t('cancelPlace')}
        </button>
      </span>
    ) : (
      <button
        type="button"
        className="link-button unplaced-place-on"
        disabled={paragraphs.length === 0}
        onClick={() => setPlacing({ key: item.key, paragraphId: paragraphs[0]?.id ?? 0 })}
      >
        {t('placeOn')}
      </button>
    );
  const row = (item: UnplacedItem, aside: boolean) => (
    <li key={item.key} className="unplaced-entry" data-unplaced-key={item.key}>
      <span className="unplaced-kind">{item.kind === 'note' ? t('note') : t('paragraphTags')}</span>
      <span className="unplaced-text">{display(item.text)}</span>
      <span className="unplaced-maker">
        <span
          className="member-swatch"
          style={item.makerColor ? { background: item.makerColor } : undefined}
          aria-hidden="true"
        />
        {team('madeBy', { name: item.maker })}
      </span>
      <button type="button" className="link-button" onClick={() => void setDismissed(item.key, !aside)}>
        {aside ? t('bringBack') : t('setAside')}
      </button>
      {chooser(item)}
    </li>
  );
  return (
    <OrphanSection
      id="unplaced-notes-title"
      className="unplaced-notes"
      title={t('unplacedNotes')}
      explanation={t('unplacedNotesExplanation')}
    >
      {shown.length > 0 && <ul className="orphan-list">{shown.map((item) => row(item, false))}</ul>}
      {setAside.length > 0 && (
        <>
          <button
            type="button"
            className="link-button unplaced-set-aside"
            aria-expanded={showSetAside}
            onClick={() => setShowSetAside((v) => !v)}
          >
            {t('setAsideCount', { n: setAside.length })}
          </button>
          {showSetAside && <ul className="orphan-list">{setAside.map((item) => row(item, true))}</ul>}
        </>
      )}
    </OrphanSection>
  );
}
