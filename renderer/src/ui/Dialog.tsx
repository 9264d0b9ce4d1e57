import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/useMessages';
import { uiMessages } from './messages';
import './dialog.css';

interface Props {
  title: string;
  /** Called on Escape, on the close button, and by the caller's own buttons. */
  onClose: () => void;
  children: ReactNode;
  /** Extra class, e.g. to place the dialog somewhere other than the centre. */
  className?: string;
}

/**
 * A modal dialog: render it to open it, stop rendering it to close it. The native <dialog>
 * gives the role, the focus trap, Escape and the inert page behind; focus goes back to the
 * control that opened it. The body mounts only once the dialog is open: a child's autoFocus then
 * lands (in a closed <dialog> it cannot, and showModal would put the focus on the close button).
 */
export function Dialog({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounted = useRef(false);
  const titleId = useId();
  const t = useMessages(uiMessages);
  const [shown, setShown] = useState(false);

  // Layout effect: its cleanup runs while the element is still in the document, so close() and
  // the focus return happen before React removes it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    unmounted.current = false;
    if (!dialog.open) dialog.showModal();
    // A layout effect's update renders again before paint: the body appears with the dialog.
    setShown(true);
    return () => {
      unmounted.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      // Escape closes the native dialog; the caller then stops rendering it. Our own close() on
      // unmount (or StrictMode's remount) fires this event too, late: only a dialog that is still
      // mounted and really closed reaches the caller.
      onClose={() => {
        if (!unmounted.current && !ref.current?.open) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M2 2l10 10M12 2L2 12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="dialog-body">{shown && children}</div>
    </dialog>
  );
}
