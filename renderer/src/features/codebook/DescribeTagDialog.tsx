import { useId, useState, type FormEvent } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import {
  tagDescriptionParts,
  type TagDescriptionPart,
  type TagDescriptionText,
} from '../../../../preload/contract/codebookTypes';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { FormDialogActions } from '../../ui/FormDialogActions';
import { codebookMessages, type CodebookMessage } from './messages';
import './codebook.css';

interface Props {
  tag: TagSummary;
  /** Saves the text; answers why it failed, or null when it was saved (the dialog then closes). */
  onSave: (text: TagDescriptionText) => Promise<string | null>;
  onClose: () => void;
}

const hints: Record<TagDescriptionPart, CodebookMessage> = {
  definition: 'definitionHint',
  inclusion: 'inclusionHint',
  exclusion: 'exclusionHint',
  example: 'exampleHint',
};

/** The tag's four codebook parts, each a plain-text field; all four empty removes the description. */
export function DescribeTagDialog({ tag, onSave, onClose }: Props) {
  const t = useMessages(codebookMessages);
  const [text, setText] = useState<TagDescriptionText>(() => ({
    definition: tag.description?.definition ?? '',
    inclusion: tag.description?.inclusion ?? '',
    exclusion: tag.description?.exclusion ?? '',
    example: tag.description?.example ?? '',
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    void onSave(text).then((failed) => {
      setBusy(false);
      if (failed !== null) setError(failed);
    });
  };

  return (
    <Dialog title={t('describeTitle', { name: tag.name })} onClose={onClose} className="describe-tag-dialog">
      <form className="describe-tag-form" onSubmit={submit}>
        {tagDescriptionParts.map((part, i) => (
          <div key={part} className="describe-tag-field">
            <label htmlFor={`${id}-${part}`}>{t(part)}</label>
            <textarea
              id={`${id}-${part}`}
              className="field"
              lang="zh"
              rows={part === 'definition' || part === 'example' ? 3 : 2}
              autoFocus={i === 0}
              aria-describedby={`${id}-${part}-hint`}
              value={text[part]}
              onChange={(e) => setText((current) => ({ ...current, [part]: e.target.value }))}
            />
            <p id={`${id}-${part}-hint`} className="field-hint">
              {t(hints[part])}
            </p>
          </div>
        ))}
        <FormDialogActions
          error={error}
          cancelLabel={t('cancel')}
          submitLabel={busy ? t('saving') : t('save')}
          submitDisabled={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
