import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { onJournalStep } from '../annotate/journalSteps';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { searchMessages } from './messages';

interface Props {
  query: string;
  articleId: number | null;
  tags: readonly TagSummary[];
  /** The search's tag filter ('' for none): only the hits it lets through are tagged. */
  withinTag: string;
  onDone: () => void;
}

/** "Tag every hit": one tag on every matching paragraph, or on a highlight of every match; one undo. */
export function AutocodeForm({ query, articleId, tags, withinTag, onDone }: Props) {
  const t = useMessages(searchMessages);
  const { changed } = useLibraryEvents();
  const [tag, setTag] = useState('');
  const [span, setSpan] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  // "Ctrl+Z undoes it" must not stay once an undo (or redo) ran.
  useEffect(() => onJournalStep(() => setStatus((s) => (s?.error ? s : null))), []);
  const tagId = useId();
  const listId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (busy || name === '' || query === '') return;
    setBusy(true);
    void pizhu
      .autocode({
        query,
        tag: name,
        span,
        ...(articleId === null ? {} : { articleId }),
        ...(withinTag === '' ? {} : { withinTag }),
      })
      .then((result) => {
        setBusy(false);
        if (!result.ok) return setStatus({ text: result.error.message, error: true });
        changed(result.value.articleIds);
        const { paragraphs } = result.value;
        setStatus({
          text: paragraphs === 0 ? t('autocodeNothing', { tag: name }) : t('autocodeDone', { paragraphs, tag: name }),
          error: false,
        });
      });
  };

  return (
    <form className="autocode-form" aria-label={t('autocodeTitle')} onSubmit={submit}>
      <label htmlFor={tagId}>{t('autocodeTag')}</label>
      <input
        id={tagId}
        className="field"
        lang="zh"
        list={listId}
        value={tag}
        autoFocus
        onChange={(e) => setTag(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <datalist id={listId}>
        {tags.map((x) => (
          <option key={x.id} value={x.name} />
        ))}
      </datalist>
      <div className="autocode-choice" role="radiogroup" aria-label={t('autocodeTitle')}>
        <label>
          <input type="radio" name="autocode-span" checked={!span} onChange={() => setSpan(false)} />
          {t('autocodeWhole')}
        </label>
        <label>
          <input type="radio" name="autocode-span" checked={span} onChange={() => setSpan(true)} />
          {t('autocodeSpan')}
        </label>
      </div>
      {withinTag !== '' && <p className="field-hint">{t('autocodeWithinTag', { tag: withinTag })}</p>}
      <div className="autocode-buttons">
        <button type="submit" className="button button-primary" disabled={busy || tag.trim() === ''}>
          {t('autocodeRun')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('autocodeCancel')}
        </button>
      </div>
      {status && (
        <p
          role={status.error ? 'alert' : 'status'}
          className={status.error ? 'autocode-status error' : 'autocode-status'}
        >
          {status.text}
        </p>
      )}
    </form>
  );
}
