import { useMessages } from '../../i18n/useMessages';
import { noteMessages } from './messages';
import './notes.css';

interface Props {
  /** The note's plain text: its start is shown as a tooltip. */
  plainText?: string;
  /** Given, the marker is a button that opens the note; otherwise it only marks. */
  onOpen?: () => void;
}

const preview = (text: string | undefined) =>
  text === undefined ? undefined : text.length > 80 ? `${text.slice(0, 80)}…` : text;

/** A mark under a paragraph that has a note, with its first line; given onOpen, a button that opens it. */
export function NoteIndicator({ plainText, onOpen }: Props) {
  const t = useMessages(noteMessages);
  const glyph = (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 1.5h8v6.5L7.5 10.5H2z M7.5 10.5V8H10" fill="none" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
  if (!onOpen) {
    return (
      <span className="note-indicator" role="img" aria-label={t('hasNote')} title={preview(plainText) ?? t('hasNote')}>
        {glyph}
      </span>
    );
  }
  // The note's first line beside the mark, so a note is seen without opening it.
  const firstLine = plainText?.split('\n').find((line) => line.trim() !== '') ?? '';
  return (
    <button
      type="button"
      className="note-indicator note-preview"
      aria-label={firstLine === '' ? t('openNote') : t('openNoteWith', { text: preview(firstLine) ?? '' })}
      title={preview(plainText) ?? t('openNote')}
      onClick={onOpen}
    >
      {glyph}
      {firstLine !== '' && (
        <span className="note-preview-text">
          {firstLine}
        </span>
      )}
    </button>
  );
}
