import { useCallback, useEffect, useState } from 'react';
import type { TagsChanged } from '../../../../preload/contract/annotationTypes';
import type { Result } from '../../../../preload/contract/errors';
import { pizhu } from '../../api/pizhuClient';
import { onJournalStep } from '../annotate/journalSteps';
import { flushPendingNotes } from '../notes/pendingNotes';
import { useLibraryEvents } from '../../state/LibraryEvents';

/** The line under the tag tree after an action: what happened, and whether Undo is offered. */
export type TagActionStatus =
  | { kind: 'done'; message: string; undoOp: string }
  | { kind: 'info'; message: string }
  | { kind: 'error'; message: string };

/**
 * Rename, merge and delete through the API, each one undoable step. Every pane, the tag
 * pane's levels too, hears of it through LibraryEvents and fetches what it shows again (an
 * open article among those touched too); the full tag list in main's answer is not used.
 */
export function useTagActions() {
  const { changed } = useLibraryEvents();
  const [status, setStatus] = useState<TagActionStatus | null>(null);
  // An undo from elsewhere (keys, menu) may have taken this action back: its "Undo" would lie.
  useEffect(() => onJournalStep(() => setStatus((s) => (s?.kind === 'done' ? null : s))), []);

  const apply = useCallback(
    async (call: Promise<Result<TagsChanged>>, message: string, undoOp: string): Promise<boolean> => {
      const result = await call;
      if (!result.ok) {
        setStatus({ kind: 'error', message: result.error.message });
        return false;
      }
      changed(result.value.articleIds);
      setStatus({ kind: 'done', message, undoOp });
      return true;
    },
    [changed],
  );

  /**
   * Undoes the pane's last action. Undo steps back through one journal shared with the
   * reader: if the newest step turns out to be something else (a note typed since), it is
   * redone at once, so this button can never undo anything but what it names.
   */
  const undo = useCallback(
    async (undoOp: string, undone: string, other: string) => {
      // Unsaved note text becomes the newest step first, so the check below sees it.
      await flushPendingNotes();
      const result = await pizhu.undo();
      if (!result.ok) return setStatus({ kind: 'error', message: result.error.message });
      if (result.value === null) return setStatus({ kind: 'info', message: other });
      if (result.value.op !== undoOp) {
        const redone = await pizhu.redo();
        if (!redone.ok) return setStatus({ kind: 'error', message: redone.error.message });
        return setStatus({ kind: 'info', message: other });
      }
      changed(result.value.articleIds);
      setStatus({ kind: 'info', message: undone });
    },
    [changed],
  );

  return { status, setStatus, apply, undo };
}
