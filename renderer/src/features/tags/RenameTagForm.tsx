import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { tagMessages } from './messages';

interface Props {
  name: string;
  onRename: (to: string) => void;
  onCancel: () => void;
}

/** The tag's full name, editable in place: `a/b` can move to `c/b`, or out to `b`. */
export function RenameTagForm({ name, onRename, onCancel }: Props) {
  const t = useMessages(tagMessages);
  const [value, setValue] = useState(name);
  return (
    <form
      className="tag-form"
      onSubmit={(event) => {
        event.preventDefault();
        onRename(value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <input
        className="tag-input"
        aria-label={t('renameLabel', { name })}
        value={value}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="tag-form-actions">
        <button type="submit" className="button button-primary" disabled={value.trim() === ''}>
          {t('save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
