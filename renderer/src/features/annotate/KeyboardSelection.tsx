import type { RefObject } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { annotateMessages } from './messages';
import { useKeyboardSelection } from './useKeyboardSelection';

interface Props {
  rootRef: RefObject<HTMLElement | null>;
  currentParagraph: () => number | null;
}

/** The reader's keyboard selection keys, and the live region that reads each selection out. */
export function KeyboardSelection({ rootRef, currentParagraph }: Props) {
  const t = useMessages(annotateMessages);
  const announcement = useKeyboardSelection({
    rootRef,
    currentParagraph,
    describe: (text, n) => t('selectedText', { text, n: String(n) }),
  });
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="selection-announcement">
      {announcement}
    </div>
  );
}
