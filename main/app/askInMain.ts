import type { BrowserWindow, Dialog, MessageBoxOptions, MessageBoxReturnValue } from 'electron';

export type MessageBoxDialog = Pick<Dialog, 'showMessageBox'>;

/** Main's message box, modal on the app's window when there is one. */
export function showMessageBoxOver(
  dialog: MessageBoxDialog,
  parent: BrowserWindow | null | undefined,
  options: MessageBoxOptions,
): Promise<MessageBoxReturnValue> {
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

export interface GoAheadQuestion {
  type: 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  /** The one button that goes ahead, e.g. "Restore". */
  confirm: string;
  /** The button that does not, in the interface language. */
  cancel: string;
}

/**
 * A question only the person can answer, asked in main (never by the page): Cancel and one
 * button that goes ahead; Cancel is the default and what Escape answers. True for the button only.
 */
export async function askToGoAhead(
  dialog: MessageBoxDialog,
  parent: BrowserWindow | null | undefined,
  question: GoAheadQuestion,
): Promise<boolean> {
  const answer = await showMessageBoxOver(dialog, parent, {
    type: question.type,
    title: question.title,
    message: question.message,
    detail: question.detail,
    buttons: [question.cancel, question.confirm],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return answer.response === 1;
}
