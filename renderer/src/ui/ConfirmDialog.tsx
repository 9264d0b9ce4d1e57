import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** A destructive action: Cancel gets the focus, so Enter alone never confirms it. */
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question in the shared modal dialog (Escape and the close button cancel). */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, destructive, onConfirm, onCancel }: Props) {
  return (
    <Dialog title={title} onClose={onCancel} className="confirm-dialog">
      <div className="confirm-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus={destructive}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={destructive ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          autoFocus={!destructive}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
