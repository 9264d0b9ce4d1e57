import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { vocabularyMessages } from './messages';
import { VocabularyDialog } from './VocabularyDialog';

/** "Vocabulary": opens the list of words saved from the dictionary. */
export function VocabularyButton({ className = 'button' }: { className?: string }) {
  const t = useMessages(vocabularyMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && <VocabularyDialog onClose={() => setOpen(false)} />}
    </>
  );
}
