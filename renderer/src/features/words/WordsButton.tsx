import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { wordsMessages } from './messages';
import { WordsDialog } from './WordsDialog';

/** "Words": opens frequency lists, keyword in context, keyness and the stop words. */
export function WordsButton({ className = 'button', articleId }: { className?: string; articleId: number | null }) {
  const t = useMessages(wordsMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('open')}
      </button>
      {open && <WordsDialog articleId={articleId} onClose={() => setOpen(false)} />}
    </>
  );
}
