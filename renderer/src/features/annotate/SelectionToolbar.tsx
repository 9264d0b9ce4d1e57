import { useState, type Ref } from 'react';
import type { HighlightColor } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { overridesMessages } from '../overrides/messages';
import { ColorSwatches } from './ColorSwatches';
import { annotateMessages } from './messages';
import { TagInput } from './TagInput';
import type { PendingSelection } from './useTextSelection';

interface Props {
  ref: Ref<HTMLDivElement>;
  selection: PendingSelection;
  onHighlight: (color: HighlightColor, tags?: string[]) => void;
  onNote: () => void;
  onCancel: () => void;
  /** Opens the variant panel for the selected word; absent when the selection is no single word or term. */
  onVariants?: () => void;
  /** Opened with `t` from the keyboard: straight to the tag field. */
  startTagging?: boolean;
}

/**
 * The small toolbar over a selection: six colours, Tag (a highlight carrying that tag), Note
 * (the paragraph's note) and, for a word, its regional variants. Pressing a button must not clear the selection it acts on.
 */
export function SelectionToolbar({
  ref,
  selection,
  onHighlight,
  onNote,
  onCancel,
  onVariants,
  startTagging = false,
}: Props) {
  const t = useMessages(annotateMessages);
  const v = useMessages(overridesMessages);
  const [tagging, setTagging] = useState(startTagging);

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t('highlight')}
      className="selection-toolbar"
      style={{ top: selection.top, left: selection.left }}
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
      }}
    >
      {tagging ? (
        <TagInput onSubmit={(tag) => onHighlight('yellow', [tag])} onCancel={onCancel} />
      ) : (
        <>
          <ColorSwatches onPick={(color) => onHighlight(color)} />
          <span className="toolbar-divider" aria-hidden="true" />
          <button type="button" className="toolbar-button" onClick={() => setTagging(true)}>
            {t('tag')}
          </button>
          <button type="button" className="toolbar-button" onClick={onNote}>
            {t('note')}
          </button>
          {onVariants && (
            <button type="button" className="toolbar-button" aria-keyshortcuts="c" onClick={onVariants}>
              {v('variants')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
