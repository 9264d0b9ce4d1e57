import { useState } from 'react';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showToast } from '../annotate/toastStore';
import { libraryMessages } from './messages';

/** Empties the trash only after a question that says what goes for good (Cancel has the focus). */
export function EmptyTrashButton({ count }: { count: number }) {
  const t = useMessages(libraryMessages);
  const { changed } = useLibraryEvents();
  const [asking, setAsking] = useState(false);
  const empty = async () => {
    setAsking(false);
    const result = await pizhu.emptyTrash();
    if (!result.ok) return showToast(result.error.message);
    changed();
    showToast(t('trashEmptied', { count: result.value.removed }));
  };
  return (
    <>
      <button type="button" className="button button-danger" disabled={count === 0} onClick={() => setAsking(true)}>
        {t('emptyTrash')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('emptyTrashTitle')}
          confirmLabel={t('emptyTrashConfirm')}
          cancelLabel={t('cancel')}
          destructive
          onConfirm={() => void empty()}
          onCancel={() => setAsking(false)}
        >
          <p>{t('emptyTrashBody', { count })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
