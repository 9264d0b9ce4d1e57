import { useEffect, useId, useRef, useState } from 'react';
import { maxHighlightCommentLength } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { sidebarMessages } from './messages';
import './sidebar.css';

interface Props {
  /** The comment as stored (canonical); '' for none. */
  comment: string;
  /** The comment as shown, in the reader's script mode. */
  shown: string;
  /** Saves the new text; resolves true when main took it. */
  onSave: (comment: string) => Promise<boolean>;
  /** Opens straight into editing (the sidebar's "Add comment"). */
  startEditing?: boolean;
  onEditingChange?: (editing: boolean) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * A highlight's comment: shown as text with an edit button, or, while editing, a plain-text
 * field saved with the button or Ctrl/⌘+Enter (one undo step each save), Esc leaving it unsaved.
 */
export function CommentField({ comment, shown, onSave, startEditing = false, onEditingChange }: Props) {
  const t = useMessages(sidebarMessages);
  const [editing, setEditingState] = useState(startEditing);
  const [draft, setDraft] = useState(comment);
  const field = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();

  const setEditing = (next: boolean) => {
    setEditingState(next);
    onEditingChange?.(next);
  };
  // Leaving the field puts focus back on the button that opened it, once that button is drawn again.
  const refocus = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const close = () => {
    refocus.current = true;
    setEditing(false);
    setDraft(comment);
  };
  const save = async () => {
    if (draft.trim() === comment) return close();
    if (await onSave(draft)) close();
  };

  if (!editing) {
    return (
      <div className="comment-field">
        {comment !== '' && <p className="comment-text">{shown}</p>}
        <button
          ref={editButton}
          type="button"
          className="link-button comment-edit"
          onClick={() => {
            setDraft(comment);
            setEditing(true);
          }}
        >
          {comment === '' ? t('addComment') : t('editComment')}
        </button>
      </div>
    );
  }
  return (
    <div className="comment-field editing">
      <textarea
        ref={field}
        className="comment-input"
        aria-label={t('commentLabel')}
        aria-describedby={hintId}
        value={draft}
        maxLength={maxHighlightCommentLength}
        rows={3}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p id={hintId} className="comment-hint">
        {t('commentHint', { mod: isMac ? '⌘' : 'Ctrl' })}
      </p>
      <div className="comment-actions">
        <button type="button" className="button" onClick={close}>
          {t('cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()}>
          {t('save')}
        </button>
      </div>
    </div>
  );
}
