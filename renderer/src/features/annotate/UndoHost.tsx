import { REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { menuRedoEvent, menuUndoEvent } from '../../../../preload/contract/channels';
import type { UndoResult } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { flushPendingNotes } from '../notes/pendingNotes';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { isEditableTarget } from './isEditableTarget';
import { announceJournalStep } from './journalSteps';
import { annotateMessages, journalOps } from './messages';
import { currentToast, dismissToast, showToast, subscribeToast } from './toastStore';
import './annotate.css';

type Step = 'undo' | 'redo';

/** Which step a key press asks for: Ctrl/Cmd+Z undo; Ctrl/Cmd+Shift+Z or Ctrl+Y redo. */
function stepOf(event: KeyboardEvent): Step | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

/** The focused field's own undo: a note's Lexical history, or the browser's for an input. */
function editorStep(focused: Element | null, step: Step): void {
  const editor = (focused as { __lexicalEditor?: LexicalEditor } | null)?.__lexicalEditor;
  if (editor) editor.dispatchCommand(step === 'undo' ? UNDO_COMMAND : REDO_COMMAND, undefined);
  else document.execCommand(step);
}

/**
 * Window-wide undo and redo of annotations, and the toast that reports them. Mounted once by
 * App. Keys typed in an input, textarea or contenteditable are left alone: the note editor
 * has its own undo. After a step the affected articles are announced so open panes re-fetch.
 */
export function UndoHost() {
  const t = useMessages(annotateMessages);
  const { changed } = useLibraryEvents();
  const toast = useSyncExternalStore(subscribeToast, currentToast);

  const describe = (done: NonNullable<UndoResult>): string =>
    (journalOps as readonly string[]).includes(done.op)
      ? t(`op.${done.op as (typeof journalOps)[number]}`)
      : done.description;

  const run = async (step: Step): Promise<void> => {
    // Unsaved note text is a step too: saved first, it is what an undo now takes back.
    await flushPendingNotes();
    const result = await (step === 'undo' ? pizhu.undo() : pizhu.redo());
    if (!result.ok) return showToast(result.error.message);
    const done = result.value;
    announceJournalStep();
    if (done === null) return showToast(t(step === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
    changed(done.articleIds);
    showToast(t(step === 'undo' ? 'undone' : 'redone', { what: describe(done) }));
  };
  // The key listener is registered once and always calls the newest `run`.
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const step = stepOf(event);
      if (step === null || isEditableTarget(event.target)) return;
      event.preventDefault();
      void runRef.current(step);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Edit ▸ Undo / Redo from the menu: the text field with the focus undoes its own typing, as its
  // keys would; anywhere else the journal steps.
  useEffect(() => {
    const fromMenu = (step: Step) => () => {
      const focused = document.activeElement;
      if (isEditableTarget(focused)) editorStep(focused, step);
      else void runRef.current(step);
    };
    const onUndo = fromMenu('undo');
    const onRedo = fromMenu('redo');
    window.addEventListener(menuUndoEvent, onUndo);
    window.addEventListener(menuRedoEvent, onRedo);
    return () => {
      window.removeEventListener(menuUndoEvent, onUndo);
      window.removeEventListener(menuRedoEvent, onRedo);
    };
  }, []);

  useEffect(() => {
    if (toast === null) return undefined;
    const timer = window.setTimeout(() => dismissToast(toast.id), toast.undoable ? 10_000 : 4_000);
    return () => window.clearTimeout(timer);
  }, [toast]);

  // The live region stays in the document so screen readers announce what appears in it.
  return (
    <div className="toast-region" role="status">
      {toast && (
        <div className="toast" key={toast.id}>
          <span className="toast-message">{toast.message}</span>
          {toast.undoable && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismissToast(toast.id);
                void run('undo');
              }}
            >
              {t('undo')}
            </button>
          )}
          <button type="button" className="toast-close" aria-label={t('close')} onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
