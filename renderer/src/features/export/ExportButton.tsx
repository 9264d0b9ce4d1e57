import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { ExportDialog, type ExportStart } from './ExportDialog';
import { exportMessages } from './messages';

/** "Export…": opens the export and backup dialog, starting on the scope where it sits. */
export function ExportButton({ start = { kind: 'library' }, className = 'button' }: { start?: ExportStart; className?: string }) {
  const t = useMessages(exportMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('export')}
      </button>
      {open && <ExportDialog start={start} onClose={() => setOpen(false)} />}
    </>
  );
}
