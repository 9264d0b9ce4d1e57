import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Note } from '../../../../preload/contract/annotationTypes';
import { noteTransformers } from '../../../../preload/common/noteNodes';
import { pizhu } from '../../api/pizhuClient';
import { createNoteAutosave, type NoteSnapshot, type SaveState } from './noteAutosave';
import { registerPendingNote } from './pendingNotes';

/** Quiet enough not to save on every keystroke, short enough that little is ever unsaved. */
const saveDelayMs = 400;

interface Props {
  paragraphId: number;
  onSaved: (note: Note | null) => void;
  onState: (state: SaveState) => void;
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
 */
export function NoteAutosavePlugin({ paragraphId, onSaved, onState }: Props) {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onSaved, onState });
  useEffect(() => {
    callbacks.current = { onSaved, onState };
  }, [onSaved, onState]);

  useEffect(() => {
    const autosave = createNoteAutosave({
      read: () => readSnapshot(editor),
      save: (snapshot) => pizhu.saveNote({ paragraphId, ...snapshot }),
      onSaved: (note) => callbacks.current.onSaved(note),
      onState: (state) => callbacks.current.onState(state),
      delayMs: saveDelayMs,
    });
    const unregister = registerPendingNote(`note:${paragraphId}`, autosave.flush);
    const stopListening = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // A selection move changes no content; anything else is compared with what was sent.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      autosave.changed();
    });
    return () => {
      stopListening();
      void autosave.flush().finally(() => {
        autosave.dispose();
        unregister();
      });
    };
  }, [editor, paragraphId]);

  return null;
}
