interface Props {
  /** Why the last submit failed, announced as an alert; null when it did not. */
  error: string | null;
  cancelLabel: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel: () => void;
}

/** The end of a form in a Dialog: the error, if any, then Cancel and the form's submit button. */
export function FormDialogActions({ error, cancelLabel, submitLabel, submitDisabled, onCancel }: Props) {
  return (
    <>
      {error && (
        <p role="alert" className="dialog-message error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button-primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
