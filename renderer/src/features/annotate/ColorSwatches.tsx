import { useRef, type KeyboardEvent } from 'react';
import { highlightColors, type HighlightColor } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { annotateMessages } from './messages';

interface Props {
  /** The current colour: the swatches act as a radio group. Without it, as plain buttons. */
  value?: HighlightColor;
  onPick: (color: HighlightColor) => void;
}

/** The six highlight colours, each a button named for its colour. */
export function ColorSwatches({ value, onPick }: Props) {
  const t = useMessages(annotateMessages);
  const group = useRef<HTMLDivElement>(null);
  const radio = value !== undefined;

  // In a radio group the arrow keys move between colours (and pick them), as radios do.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!radio || !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'].includes(event.key)) return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : -1;
    const i = highlightColors.indexOf(value);
    const next = highlightColors[(i + step + highlightColors.length) % highlightColors.length] ?? value;
    onPick(next);
    group.current?.querySelector<HTMLElement>(`[data-color="${next}"]`)?.focus();
  };

  return (
    <div
      ref={group}
      className="swatches"
      role={radio ? 'radiogroup' : 'group'}
      aria-label={t('colour')}
      onKeyDown={onKeyDown}
    >
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          data-color={color}
          role={radio ? 'radio' : undefined}
          aria-checked={radio ? color === value : undefined}
          tabIndex={radio && color !== value ? -1 : 0}
          aria-label={t(`color.${color}`)}
          title={t(`color.${color}`)}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}
