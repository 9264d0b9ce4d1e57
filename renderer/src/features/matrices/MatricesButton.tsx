import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { MatricesDialog } from './MatricesDialog';
import { matrixMessages } from './messages';

/** "Matrices": opens the code matrices. */
export function MatricesButton({ className = 'bar-pill' }: { className?: string }) {
  const t = useMessages(matrixMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && <MatricesDialog onClose={() => setOpen(false)} />}
    </>
  );
}
