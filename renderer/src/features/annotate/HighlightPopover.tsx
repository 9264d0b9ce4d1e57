import { useEffect, useRef } from 'react';
import type { Highlight } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { CommentField } from '../sidebar/CommentField';
import { ColorSwatches } from './ColorSwatches';
import { annotateMessages } from './messages';
import { TagInput } from './TagInput';
import type { AnnotationActions } from './useAnnotationActions';
import { useTagScript } from '../tags/useTagScript';

interface Props {
  highlight: Highlight;
  /** Every highlight where it was opened, most recent first (one, unless they overlap). */
  overlapping: readonly Highlight[];
  /** Relative to the article element: under the highlight's first line. */
  anchor: { top: number; left: number };
  /** The quote as shown in the current script mode. */
  quote: string;
  /** Canonical text (the comment) as shown in the current script mode. */
  display: (text: string) => string;
  actions: AnnotationActions;
  onSwitch: (highlightId: number) => void;
  /** `returnFocus`: closed from the keyboard, so focus goes back to the highlight. */
  onClose: (returnFocus: boolean) => void;
}

/** What a click on a highlight opens: recolour, comment, tag, untag, delete (undoable). */
export function HighlightPopover({
  highlight,
  overlapping,
  anchor,
  quote,
  display,
  actions,
  onSwitch,
  onClose,
}: Props) {
  const t = useMessages(annotateMessages);
  const shownTag = useTagScript();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus({ preventScroll: true });
  }, [highlight.id]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      onCloseRef.current(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={t('highlight')}
      className={`popover highlight-popover hl-accent-${highlight.color}`}
      style={{ top: anchor.top, left: anchor.left }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose(true);
      }}
    >
      <blockquote className="popover-quote">{quote}</blockquote>
      <ColorSwatches value={highlight.color} onPick={(color) => void actions.recolor(highlight.id, color)} />
      {highlight.tags.length > 0 && (
        <ul className="tag-chips" aria-label={t('tag')}>
          {highlight.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span title={tag}>#{shownTag(tag)}</span>
              <button
                type="button"
                aria-label={t('removeTag', { tag: shownTag(tag) })}
                onClick={() => void actions.untagHighlight(highlight.id, tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <CommentField
        key={highlight.id}
        comment={highlight.comment}
        shown={display(highlight.comment)}
        onSave={(comment) => actions.commentHighlight(highlight.id, comment)}
      />
      <TagInput
        autoFocus={false}
        onSubmit={(tag) => void actions.tagHighlight(highlight.id, tag)}
        onCancel={() => onClose(true)}
      />
      {overlapping.length > 1 && (
        <div role="group" aria-label={t('overlapping')} className="overlap-switcher">
          {overlapping.map((h, i) => (
            <button
              key={h.id}
              type="button"
              className={`overlap-choice swatch-${h.color}`}
              aria-pressed={h.id === highlight.id}
              onClick={() => onSwitch(h.id)}
            >
              {t('showHighlight', { n: i + 1 })}
            </button>
          ))}
        </div>
      )}
      <div className="popover-actions">
        <button type="button" className="button danger" onClick={() => void actions.deleteHighlight(highlight.id)}>
          {t('delete')}
        </button>
      </div>
    </div>
  );
}
