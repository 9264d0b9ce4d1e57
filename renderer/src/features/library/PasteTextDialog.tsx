import { useId, useState, type FormEvent } from 'react';
import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { FormDialogActions } from '../../ui/FormDialogActions';
import { libraryMessages } from './messages';

interface Props {
  onClose: () => void;
  /** The text is in the library (new or already there): the dialog is done. */
  onImported: (outcome: ImportOutcome) => void;
}

/** Paste an article's text (and a title if the text lacks one); a failure keeps the text for another try. */
export function PasteTextDialog({ onClose, onImported }: Props) {
  const t = useMessages(libraryMessages);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const titleId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || text.trim() === '') return;
    setBusy(true);
    setError(null);
    const request = title.trim() === '' ? { text } : { text, title: title.trim() };
    void pizhu.importText(request).then((result) => {
      setBusy(false);
      if (!result.ok) return setError(t('importFailed', { message: result.error.message }));
      if (result.value.status === 'failed') return setError(t('importFailed', { message: result.value.message ?? '' }));
      onImported(result.value);
    });
  };

  return (
    <Dialog title={t('pasteTitle')} onClose={onClose} className="paste-dialog">
      <form className="paste-form" onSubmit={submit}>
        <label htmlFor={titleId}>{t('pasteTitleField')}</label>
        <input
          id={titleId}
          className="field"
          lang="zh"
          value={title}
          aria-describedby={hintId}
          onChange={(e) => setTitle(e.target.value)}
        />
        <p id={hintId} className="field-hint">
          {t('pasteTitleHint')}
        </p>
        <label htmlFor={textId}>{t('pasteTextField')}</label>
        <textarea
          id={textId}
          className="field paste-text"
          lang="zh"
          rows={12}
          required
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <FormDialogActions
          error={error}
          cancelLabel={t('cancel')}
          submitLabel={busy ? t('pasteImporting') : t('pasteImport')}
          submitDisabled={busy || text.trim() === ''}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
