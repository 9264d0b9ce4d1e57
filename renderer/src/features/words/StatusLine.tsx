import type { ReactNode } from 'react';

export interface WordsStatus {
  message: string;
  error?: boolean;
}

/** What a panel's last action did: an alert when it failed, else a status (with, say, an Undo beside it). */
export function StatusLine({ status, children }: { status: WordsStatus | null; children?: ReactNode }) {
  if (!status) return null;
  return (
    <div className="words-status" role={status.error === true ? 'alert' : 'status'}>
      <span>{status.message}</span>
      {children}
    </div>
  );
}
