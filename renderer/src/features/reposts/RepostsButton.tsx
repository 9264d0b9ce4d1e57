import { useEffect, useRef, useState } from 'react';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { SimilarArticle } from '../../../../preload/contract/duplicateTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { ComparisonDialog } from './ComparisonDialog';
import { repostMessages } from './messages';
import { RepostsDialog } from './RepostsDialog';

interface Props {
  articleId: number;
  /** The reader's script mode: the comparison shows both versions in it. */
  mode: ScriptMode;
}

type Open = { kind: 'none' } | { kind: 'list' } | { kind: 'compare'; other: number };

/**
 * "Also published as… (n)" in the article's tools, shown only when the library holds other
 * versions of the story: it lists them, and opens one side by side with this one.
 */
export function RepostsButton({ articleId, mode }: Props) {
  const t = useMessages(repostMessages);
  const { version } = useLibraryEvents();
  const [similar, setSimilar] = useState<SimilarArticle[]>([]);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    void pizhu.listArticleDuplicates({ articleId }).then((result) => {
      // Not found (just trashed) or a failure: no button, the article still reads.
      if (live) setSimilar(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
  }, [articleId, version]);

  if (similar.length === 0) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="quiet-button"
        aria-haspopup="dialog"
        onClick={() => setOpen({ kind: 'list' })}
      >
        {t('alsoPublished', { count: similar.length })}
      </button>
      {open.kind === 'list' && (
        <RepostsDialog
          similar={similar}
          mode={mode}
          onCompare={(other) => setOpen({ kind: 'compare', other })}
          onClose={() => setOpen({ kind: 'none' })}
        />
      )}
      {open.kind === 'compare' && (
        <ComparisonDialog
          left={articleId}
          right={open.other}
          mode={mode}
          onClose={() => {
            setOpen({ kind: 'none' });
            // The list it was opened from is gone: focus goes back to the button, not to the page.
            requestAnimationFrame(() => buttonRef.current?.focus());
          }}
        />
      )}
    </>
  );
}
