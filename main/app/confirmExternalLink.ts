import type { BrowserWindow, Shell } from 'electron';
import { askToGoAhead, type MessageBoxDialog } from './askInMain';
import { englishText, type CurrentText } from './mainMessages';

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export type LinkOutcome = 'opened' | 'cancelled' | 'refused' | 'failed';

export interface ExternalLinkDeps {
  shell: Pick<Shell, 'openExternal'>;
  dialog: MessageBoxDialog;
  /** The window the question belongs to (modal on it), when there is one. */
  parent?: () => BrowserWindow | null;
  /** The interface language the question is asked in (English without it). */
  text?: CurrentText;
}

/**
 * Opens an https link in the system browser only after the person said yes in main's own
 * dialog, which names the whole address: the page cannot send anyone anywhere by itself.
 * One question at a time; a page asking again while one is open is refused, not queued.
 */
export function externalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<LinkOutcome> {
  let asking = false;
  return async (url) => {
    if (!isSafeExternalUrl(url) || asking) return 'refused';
    // href, not the string the page gave: a look-alike host shows as its punycode (xn--…).
    const href = new URL(url).href;
    asking = true;
    try {
      const t = (deps.text ?? englishText)();
      const yes = await askToGoAhead(deps.dialog, deps.parent?.(), {
        type: 'question',
        title: t('linkTitle'),
        message: t('linkMessage'),
        detail: href,
        confirm: t('linkConfirm'),
        cancel: t('cancel'),
      });
      if (!yes) return 'cancelled';
      await deps.shell.openExternal(href);
      return 'opened';
    } catch (error) {
      // No browser, or the dialog failed: the page's request ends here, never as a crash of main.
      console.error('Opening a link in the browser failed', error);
      return 'failed';
    } finally {
      asking = false;
    }
  };
}
