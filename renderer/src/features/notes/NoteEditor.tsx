import { autoLinkUrlMatcher } from '@lexical/link';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { AutoLinkPlugin } from '@lexical/react/LexicalAutoLinkPlugin';
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../../../preload/contract/annotationTypes';
import { noteNodes, noteTransformers } from '../../../../preload/common/noteNodes';
import { useMessages } from '../../i18n/useMessages';
import { pizhu } from '../../api/pizhuClient';
import { $loadNote, type NoteLoad, type StoredNoteText } from './initialNoteState';
import { isLinkAddress } from './linkAddress';
import { noteMessages, type NoteMessage } from './messages';
import { NoteAutosavePlugin, type SaveNoteText } from './NoteAutosavePlugin';
import { NoteQuotePlugin, type NoteQuote } from './NoteQuotePlugin';
import { noteEditorTheme } from './noteEditorTheme';
import type { SaveState } from './noteAutosave';
import { NoteToolbar } from './NoteToolbar';
import './notes.css';

interface Props {
  paragraphId: number;
  /** The stored note: loaded when the editor opens, and again if it changes elsewhere (an undo). */
  note: Note | null;
  /** Each answered save: the note as stored, or null when an emptied note was deleted. */
  onSaved: (note: Note | null) => void;
  /** Escape closes the note when given (the text is flushed on the way out). */
  onClose?: () => void;
  /** A passage chosen with the selection toolbar's Note, quoted into the note once. */
  quote?: NoteQuote | null;
}

const autoLinkMatchers = [autoLinkUrlMatcher];

/** The rich-text note of one paragraph, saved as the person types. */
export function NoteEditor({ paragraphId, ...props }: Props) {
  const save = useCallback<SaveNoteText<Note>>((snapshot) => pizhu.saveNote({ paragraphId, ...snapshot }), [paragraphId]);
  // A new paragraph gets a new editor, so one note's text never lands in another's.
  return <RichTextEditor key={paragraphId} storeKey={`note:${paragraphId}`} save={save} {...props} />;
}

interface RichTextProps<T extends StoredNoteText> {
  /** What the text is (`note:<paragraph>`, `memo:…`); a new key is a new editor. */
  storeKey: string;
  /** The stored text: loaded when the editor opens, and again if it changes elsewhere (an undo). */
  note: T | null;
  save: SaveNoteText<T>;
  /** Each answered save: the text as stored, or null when an emptied one was deleted. */
  onSaved: (note: T | null) => void;
  /** Escape closes the editor when given (the text is flushed on the way out). */
  onClose?: () => void;
  quote?: NoteQuote | null;
  /** The editor's accessible name and placeholder, when not a paragraph note's. */
  label?: string;
  placeholder?: string;
  /** Focus the editor's end when it opens (a note does; a memo pane opened beside the text may not). */
  autoFocus?: boolean;
}

/**
 * The rich-text editor of a paragraph note, an article memo or a journal entry: the same nodes,
 * toolbar, Markdown shortcuts and autosave, with the save its owner gives.
 */
export function RichTextEditor<T extends StoredNoteText>({
  storeKey,
  note,
  save,
  onSaved,
  onClose,
  quote = null,
  label,
  placeholder,
  autoFocus = true,
}: RichTextProps<T>) {
  const t = useMessages(noteMessages);
  const editorLabel = label ?? t('editorLabel');
  const placeholderText = placeholder ?? t('placeholder');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  // Every keystroke reports "saving"; only a change of state re-renders the editor around it.
  const showSaveState = useCallback(
    (next: SaveState) =>
      setSaveState((current) => (current.kind === next.kind && next.kind !== 'failed' ? current : next)),
    [],
  );
  // Set by the composer's first update, which runs while it renders; read once mounted.
  const firstLoad = useRef<NoteLoad>('as-saved');
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'pizhu-note',
    nodes: noteNodes,
    theme: noteEditorTheme,
    onError: (error) => console.error('Note editor:', error),
    editorState: note
      ? () => {
          firstLoad.current = $loadNote(note);
        }
      : undefined,
  }));
  // A note whose saved state could not be read is shown from its text: the person is told why it may look plainer.
  const [load, setLoad] = useState<NoteLoad>('as-saved');
  useEffect(() => setLoad(firstLoad.current), []);

  return (
    <section
      className="note-editor"
      aria-label={editorLabel}
      // Keys typed in the note are the note's: the reader's single-key shortcuts and undo stay out.
      onKeyDown={(event) => {
        // An Escape the link form already used closes only that form.
        if (event.key === 'Escape' && onClose && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
        event.stopPropagation();
      }}
    >
      {load === 'rebuilt' && (
        <p className="note-rebuilt" role="note">
          {t('rebuilt')}
        </p>
      )}
      <LexicalComposer initialConfig={initialConfig}>
        <NoteToolbar />
        <div className="note-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="note-content"
                aria-label={editorLabel}
                aria-placeholder={placeholderText}
                placeholder={<div className="note-placeholder">{placeholderText}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isLinkAddress} />
        <AutoLinkPlugin matchers={autoLinkMatchers} />
        <MarkdownShortcutPlugin transformers={noteTransformers} />
        {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
        <NoteAutosavePlugin
          storeKey={storeKey}
          note={note}
          save={save}
          onSaved={onSaved}
          onState={showSaveState}
          onLoaded={setLoad}
        />
        <NoteQuotePlugin quote={quote} />
      </LexicalComposer>
      <p role="status" className={saveState.kind === 'failed' ? 'note-status note-status-failed' : 'note-status'}>
        {statusText(saveState, t)}
      </p>
    </section>
  );
}

function statusText(state: SaveState, t: (key: NoteMessage, vars?: Record<string, string>) => string): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'saving':
      return t('saving');
    case 'saved':
      return t('saved');
    case 'removed':
      return t('removed');
    case 'failed':
      return t('failed', { message: state.message });
  }
}
