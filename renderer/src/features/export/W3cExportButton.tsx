import { useState } from 'react';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { exportMessages } from './messages';

/** Every highlight as W3C Web Annotations: main's save dialog names the file, the page never does. */
export function W3cExportButton() {
  const t = useMessages(exportMessages);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const run = async () => {
    setBusy(true);
    const result = await pizhu.exportW3c();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value === null) return;
    setStatus({ text: t('w3cWritten', { ...result.value }), error: false });
  };

  return (
    <div className="export-w3c">
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {t('w3cRun')}
      </button>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'export-error' : 'export-backup-status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
