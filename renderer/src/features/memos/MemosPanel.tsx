import { useCallback, useEffect, useRef, useState } from 'react';
import type { Memo } from '../../../../preload/contract/memoTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { showToast } from '../annotate/toastStore';
import { RichTextEditor } from '../notes/NoteEditor';
import type { SaveNoteText } from '../notes/NoteAutosavePlugin';
import { usePreferences } from '../preferences/PreferencesContext';
import { memoMessages } from './messages';
import './memos.css';

/**
 * The memos side panel: the open article's memo, then the library journal (newest entry first),
 * each written in the paragraph notes' editor and saved as the person types. The panel reads
 * both again whenever the library changes (an undo), and the editors load what main then holds.
 */
export function MemosPanel({ focusMemoId }: { focusMemoId: number | null }) {
  const t = useMessages(memoMessages);
  const { location } = useNavigation();
  const { version } = useLibraryEvents();
  const articleId = location.articleId;
  const [article, setArticle] = useState<{ articleId: number; memo: Memo | null } | null>(null);
  const [journal, setJournal] = useState<Memo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The entry being started (a new editor per New entry); its first save gives it an id, and the
  // list then leaves that entry to the draft's editor rather than showing it twice.
  const [draft, setDraft] = useState<{ token: number; id: number | null } | null>(null);

  useEffect(() => {
    let live = true;
    void pizhu.listJournal().then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      setJournal(result.value);
      // A started entry an undo took away is gone from its editor too (a redo lists it again).
      setDraft((d) => (d?.id != null && !result.value.some((e) => e.id === d.id) ? null : d));
    });
    if (articleId !== null) {
      void pizhu.getArticleMemo({ articleId }).then((memo) => {
        if (!live) return;
        if (memo.ok) setArticle({ articleId, memo: memo.value });
        else setError(memo.error.message);
      });
    }
    return () => {
      live = false;
    };
  }, [articleId, version]);

  // A search hit's memo: brought into view once it is listed.
  useEffect(() => {
    if (focusMemoId === null) return;
    document.querySelector(`[data-memo-id="${focusMemoId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusMemoId, journal, article]);

  const saveArticleMemo = useCallback<SaveNoteText<Memo>>(
    (snapshot) => pizhu.saveArticleMemo({ articleId: articleId ?? 0, ...snapshot }),
    [articleId],
  );
  const startEntry = () => setDraft({ token: Date.now(), id: null });

  const removeEntry = async (id: number, date: string) => {
    const result = await pizhu.removeJournalEntry({ id });
    if (!result.ok) return setError(result.error.message);
    setDraft((d) => (d?.id === id ? null : d));
    setJournal((list) => list?.filter((e) => e.id !== id) ?? null);
    showToast(t('deleted', { date }), true);
  };

  const shownArticle = article?.articleId === articleId ? article : null;
  const listed = (journal ?? []).filter((entry) => draft === null || entry.id !== draft.id);

  return (
    <aside className="side-panel memos-panel" aria-label={t('panel')}>
      <header className="side-panel-header">
        <h2 className="side-panel-title">{t('panel')}</h2>
      </header>
      {error && (
        <p role="alert" className="side-panel-note memo-error">
          {error}
        </p>
      )}
      <section className="memo-section" aria-labelledby="memo-article-heading">
        <h3 id="memo-article-heading" className="memo-heading">
          {t('articleMemo')}
        </h3>
        {articleId === null ? (
          <p className="side-panel-note">{t('noArticle')}</p>
        ) : (
          shownArticle && (
            <div
              className={focusMemoId !== null && shownArticle.memo?.id === focusMemoId ? 'memo memo-focused' : 'memo'}
              data-memo-id={shownArticle.memo?.id}
            >
              <RichTextEditor
                storeKey={`memo:article:${shownArticle.articleId}`}
                key={shownArticle.articleId}
                note={shownArticle.memo}
                save={saveArticleMemo}
                onSaved={(memo) => setArticle((a) => (a && a.articleId === shownArticle.articleId ? { ...a, memo } : a))}
                label={t('articleMemo')}
                placeholder={t('articleMemoPlaceholder')}
                autoFocus={false}
              />
            </div>
          )
        )}
      </section>
      <section className="memo-section" aria-labelledby="memo-journal-heading">
        <div className="memo-journal-head">
          <h3 id="memo-journal-heading" className="memo-heading">
            {t('journal')}
          </h3>
          <button type="button" className="button memo-new-entry" onClick={startEntry}>
            {t('newEntry')}
          </button>
        </div>
        <p className="memo-hint">{t('journalHint')}</p>
        {draft && (
          <JournalEntry
            key={draft.token}
            storeKey={`memo:journal:draft:${draft.token}`}
            entry={null}
            focused={false}
            autoFocus
            onSaved={(memo) => setDraft((d) => (d && d.token === draft.token ? { ...d, id: memo?.id ?? null } : d))}
            onRemove={(date) => (draft.id === null ? setDraft(null) : void removeEntry(draft.id, date))}
          />
        )}
        {journal !== null && listed.length === 0 && draft === null && <p className="side-panel-note">{t('noEntries')}</p>}
        <ol className="memo-journal">
          {listed.map((entry) => (
            <li key={entry.id}>
              <JournalEntry
                storeKey={`memo:journal:${entry.id}`}
                entry={entry}
                focused={entry.id === focusMemoId}
                onRemove={(date) => void removeEntry(entry.id, date)}
              />
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}

interface EntryProps {
  storeKey: string;
  /** The entry as listed; null for one being started. */
  entry: Memo | null;
  focused: boolean;
  autoFocus?: boolean;
  onSaved?: (memo: Memo | null) => void;
  onRemove: (date: string) => void;
}

/**
 * One journal entry in the note editor. It saves to its own id; one not yet saved, or emptied
 * (which removes it), is created again by its next words, so typing on is never refused.
 */
function JournalEntry({ storeKey, entry, focused, autoFocus = false, onSaved, onRemove }: EntryProps) {
  const t = useMessages(memoMessages);
  const { preferences } = usePreferences();
  const [createdAt] = useState(() => entry?.createdAt ?? new Date().toISOString());
  const date = new Date(createdAt).toLocaleString(preferences.uiLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const id = useRef<number | null>(entry?.id ?? null);
  const saveEntry = useCallback<SaveNoteText<Memo>>(async (snapshot) => {
    const result = await pizhu.saveJournalEntry(id.current === null ? snapshot : { id: id.current, ...snapshot });
    if (result.ok) id.current = result.value?.id ?? null;
    return result;
  }, []);
  return (
    <article className={focused ? 'memo memo-entry memo-focused' : 'memo memo-entry'} data-memo-id={entry?.id}>
      <header className="memo-entry-head">
        <time dateTime={createdAt}>{date}</time>
        <button
          type="button"
          className="icon-button memo-delete"
          aria-label={t('deleteEntry', { date })}
          title={t('deleteEntry', { date })}
          onClick={() => onRemove(date)}
        >
          ×
        </button>
      </header>
      <RichTextEditor
        storeKey={storeKey}
        note={entry}
        save={saveEntry}
        onSaved={(memo) => onSaved?.(memo)}
        label={t('entryOf', { date })}
        placeholder={t('entryPlaceholder')}
        autoFocus={autoFocus}
      />
    </article>
  );
}
