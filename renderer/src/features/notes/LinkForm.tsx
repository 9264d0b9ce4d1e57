import type { LexicalEditor } from 'lexical';
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { linkAddress } from './linkAddress';
import { noteMessages } from './messages';
import { applyLink, removeLink } from './noteCommands';

interface Props {
  editor: LexicalEditor;
  /** The address of the link at the caret, to edit or remove. */
  current: string | null;
  onDone: () => void;
}

/** The address for a link, typed inline under the toolbar (Electron has no window.prompt). */
export function LinkForm({ editor, current, onDone }: Props) {
  const t = useMessages(noteMessages);
  const [typed, setTyped] = useState(current ?? '');
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = linkAddress(typed);
    if (!url) return setInvalid(true);
    applyLink(editor, url);
    onDone();
  };

  return (
    <form
      className="note-link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <input
        type="text"
        inputMode="url"
        className="note-link-input"
        aria-label={t('linkAddress')}
        placeholder="https://"
        value={typed}
        autoFocus
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          setTyped(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button">
        {t('applyLink')}
      </button>
      {current !== null && (
        <button
          type="button"
          className="button"
          onClick={() => {
            removeLink(editor);
            onDone();
          }}
        >
          {t('removeLink')}
        </button>
      )}
      <button type="button" className="button note-link-cancel" onClick={onDone}>
        {t('cancel')}
      </button>
      {invalid && (
        <p id={errorId} className="note-link-error" role="alert">
          {t('badLink')}
        </p>
      )}
    </form>
  );
}
