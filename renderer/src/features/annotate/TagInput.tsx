import { useId, useState, type KeyboardEvent } from 'react';
import { maxTagNameLength } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { useTagList } from '../tags/useTagList';
import { useTagScript } from '../tags/useTagScript';
import { matchTags } from './matchTags';
import { annotateMessages } from './messages';

interface Props {
  onSubmit: (tag: string) => void;
  onCancel: () => void;
  autoFocus?: boolean;
}

/**
 * A tag name field that completes from the library's tags (nested `parent/child` names), in any
 * script: 技術 suggests the existing 技术, shown in the reader's script with the stored name as its title.
 */
export function TagInput({ onSubmit, onCancel, autoFocus = true }: Props) {
  const t = useMessages(annotateMessages);
  const listId = useId();
  const tags = useTagList();
  const shown = useTagScript();
  const [value, setValue] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);

  const suggestions = open ? matchTags(tags.map((tag) => tag.name), value) : [];
  const expanded = suggestions.length > 0;

  const submit = (name: string) => {
    const tag = name.trim();
    if (tag === '' || tag.length > maxTagNameLength) return;
    setValue('');
    setActive(-1);
    onSubmit(tag);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (suggestions.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the typed text itself; the arrows cycle through it and the suggestions.
      const n = suggestions.length + 1;
      setActive((i) => ((i + 1 + step + n) % n) - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // IME composition: Enter confirms the characters, not the tag.
      if (event.nativeEvent.isComposing) return;
      submit(suggestions[active] ?? value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (expanded && active >= 0) setOpen(false);
      else onCancel();
    }
  };

  return (
    <div className="tag-field">
      <input
        type="text"
        role="combobox"
        aria-label={t('tagName')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && expanded ? `${listId}-${active}` : undefined}
        maxLength={maxTagNameLength}
        placeholder={t('addTag')}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => {
          setValue(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('tagSuggestions')} className="tag-suggestions" hidden={!expanded}>
        {suggestions.map((name, i) => (
          <li
            key={name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // Keep focus in the field: a click picks the tag without blurring it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => submit(name)}
            title={shown(name) === name ? undefined : name}
          >
            {shown(name)}
          </li>
        ))}
      </ul>
    </div>
  );
}
