import type { Result } from '../../../../preload/contract/errors';
import type { StoredNoteText } from './initialNoteState';

/** What is stored for a note: the editor state and the two forms derived from it. */
export interface NoteSnapshot {
  editorState: string;
  plainText: string;
  markdown: string;
}

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'removed' } | { kind: 'failed'; message: string };

interface Options<T extends StoredNoteText> {
  /** Reads the editor as it is now (committing any pending update first). */
  read: () => NoteSnapshot;
  save: (snapshot: NoteSnapshot) => Promise<Result<T | null>>;
  onSaved: (note: T | null) => void;
  onState: (state: SaveState) => void;
  delayMs: number;
}

export interface NoteAutosave {
  /** The editor changed: save after a quiet moment. */
  changed: () => void;
  /** Saves what is unsaved now and resolves once every save sent so far is answered. */
  flush: () => Promise<void>;
  /** Stops the timer; the caller flushes first if it wants the text kept. */
  dispose: () => void;
  /** The editor was just loaded with what main holds (a change made elsewhere, e.g. an undo): nothing to save. */
  rebase: () => void;
}

const hasWords = (snapshot: NoteSnapshot) => snapshot.plainText.trim() !== '';

const sameSnapshot = (a: NoteSnapshot, b: NoteSnapshot) =>
  a.editorState === b.editorState && a.plainText === b.plainText && a.markdown === b.markdown;

/**
 * Debounced saving of one note. A save is sent at once when asked (no queue behind an
 * earlier one), so a flush started while the window closes reaches main in the same task;
 * main answers calls in order, and only the newest answer sets the shown state.
 */
export function createNoteAutosave<T extends StoredNoteText>({ read, save, onSaved, onState, delayMs }: Options<T>): NoteAutosave {
  // What main holds, as far as we know: the note as loaded, then each snapshot sent.
  let sent = read();
  // An empty editor deletes the note only once it has shown words: a person who empties a note
  // has seen it. An editor that opened blank (a note it could not show) must never delete it.
  let shownWords = hasWords(sent);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let newestRequest = 0;
  let settled: SaveState = { kind: 'idle' };
  const settle = (state: SaveState) => {
    settled = state;
    onState(state);
  };
  const inFlight = new Set<Promise<void>>();

  const send = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const snapshot = read();
    if (hasWords(snapshot)) shownWords = true;
    if (sameSnapshot(snapshot, sent) || (!shownWords && !hasWords(snapshot))) {
      if (inFlight.size === 0) onState(settled);
      return;
    }
    const previous = sent;
    sent = snapshot;
    const request = ++newestRequest;
    onState({ kind: 'saving' });
    const done = save(snapshot)
      .catch((error: unknown) => ({
        ok: false as const,
        error: { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) },
      }))
      .then((result) => {
        if (!result.ok) {
          // Not stored: the next flush or keystroke must send it again.
          if (sent === snapshot) sent = previous;
          if (request === newestRequest) settle({ kind: 'failed', message: result.error.message });
          return;
        }
        onSaved(result.value);
        if (request === newestRequest) settle(result.value ? { kind: 'saved' } : { kind: 'removed' });
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };

  return {
    changed() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(send, delayMs);
      onState({ kind: 'saving' });
    },
    async flush() {
      send();
      await Promise.all([...inFlight]);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    rebase() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      sent = read();
      shownWords = hasWords(sent);
      settle({ kind: 'idle' });
    },
  };
}
