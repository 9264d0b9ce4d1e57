import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $getRoot, $setSelection, CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Result } from '../../../../preload/contract/errors';
import { noteTransformers } from '../../../../preload/common/noteNodes';
import { $loadNote, type NoteLoad, type StoredNoteText } from './initialNoteState';
import { createNoteAutosave, type NoteAutosave, type NoteSnapshot, type SaveState } from './noteAutosave';
import { registerPendingNote } from './pendingNotes';

/** Quiet enough not to save on every keystroke, short enough that little is ever unsaved. */
const saveDelayMs = 400;

/** One save of the editor's text; `startsStep` on the first since it was opened. */
export type SaveNoteText<T extends StoredNoteText> = (
  snapshot: NoteSnapshot & { startsStep: boolean },
) => Promise<Result<T | null>>;

interface Props<T extends StoredNoteText> {
  /** What the text is (`note:<paragraph>`, `memo:…`): one pending flush per text. */
  storeKey: string;
  /** The text as the library holds it now. */
  note: T | null;
  save: SaveNoteText<T>;
  onSaved: (note: T | null) => void;
  onState: (state: SaveState) => void;
  /** The stored note was loaded again (changed elsewhere): as saved, or rebuilt from its text. */
  onLoaded: (load: NoteLoad) => void;
}

function readSnapshot(editor: LexicalEditor): NoteSnapshot {
  return editor.read(() => ({
    editorState: JSON.stringify(editor.getEditorState().toJSON()),
    plainText: $getRoot().getTextContent(),
    markdown: $convertToMarkdownString(noteTransformers),
  }));
}

/**
 * Saves the note as the person types, and registers a flush so that leaving (another
 * article, another script mode, closing the window) writes the last keystrokes first.
 * Unmounting flushes too, and stays registered until that save is answered.
 *
 * A note changed elsewhere while the editor is open (an undo from the reader or the menu) is
 * loaded into the editor: otherwise the editor would show the old words, and the next
 * keystroke would save them back over the undo.
 */
export function NoteAutosavePlugin<T extends StoredNoteText>({ storeKey, note, save, onSaved, onState, onLoaded }: Props<T>) {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ save, onSaved, onState, onLoaded });
  useEffect(() => {
    callbacks.current = { save, onSaved, onState, onLoaded };
  }, [save, onSaved, onState, onLoaded]);
  const autosave = useRef<NoteAutosave | null>(null);
  // The stored note as this editor last knew it: as loaded, then as each save answered.
  const known = useRef<string | null>(note?.editorState ?? null);

  useEffect(() => {
    // The first save since the note was opened starts a new undo step: leaving a note ends its step.
    let opened = true;
    const current = createNoteAutosave<T>({
      read: () => readSnapshot(editor),
      save: async (snapshot) => {
        const result = await callbacks.current.save({ ...snapshot, startsStep: opened });
        if (result.ok) opened = false;
        return result;
      },
      onSaved: (saved) => {
        known.current = saved?.editorState ?? null;
        callbacks.current.onSaved(saved);
      },
      onState: (state) => callbacks.current.onState(state),
      delayMs: saveDelayMs,
    });
    autosave.current = current;
    const unregister = registerPendingNote(storeKey, current.flush);
    const stopListening = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // A selection move changes no content, and loading the stored note is not an edit.
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has(storedNoteTag)) return;
      current.changed();
    });
    return () => {
      stopListening();
      autosave.current = null;
      void current.flush().finally(() => {
        current.dispose();
        unregister();
      });
    };
  }, [editor, storeKey]);

  const stored = note?.editorState ?? null;
  useEffect(() => {
    if (stored === known.current) return;
    known.current = stored;
    let load: NoteLoad = 'as-saved';
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        if (note) load = $loadNote(note);
        else root.append($createParagraphNode());
        // No caret: the change came from elsewhere, and the focus stays where the person has it.
        $setSelection(null);
      },
      { discrete: true, tag: storedNoteTag },
    );
    // The editor's own undo must not step back into the words the library no longer holds.
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    autosave.current?.rebase();
    callbacks.current.onLoaded(load);
    // `note` is read only when its stored state differs from the one this editor knows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, stored]);

  return null;
}

/** The update tag of loading the stored note into an open editor. */
const storedNoteTag = 'pizhu-stored-note';
