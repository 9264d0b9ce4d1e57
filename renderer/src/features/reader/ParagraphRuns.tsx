import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { ParagraphView } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import type { ParagraphRun } from './groupHiddenRuns';
import { readerMessages } from './messages';

interface Props {
  runs: readonly ParagraphRun[];
  showHidden: boolean;
  onShowHidden: () => void;
  renderParagraph: (paragraph: ParagraphView) => ReactNode;
  /** A highlight mark was clicked or activated from the keyboard. */
  onOpenHighlight: (mark: HTMLElement) => void;
}

function markOf(target: EventTarget): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('mark[data-highlight-id]') : null;
}

/** The paragraphs, with each run of boilerplate collapsed to a quiet "N hidden lines" control. */
export function ParagraphRuns({ runs, showHidden, onShowHidden, renderParagraph, onOpenHighlight }: Props) {
  const t = useMessages(readerMessages);

  const onClick = (event: MouseEvent) => {
    const mark = markOf(event.target);
    // A drag that ends on a highlight is a new selection, not a click on it.
    if (!mark || document.getSelection()?.isCollapsed === false) return;
    onOpenHighlight(mark);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const mark = markOf(event.target);
    if (!mark || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    onOpenHighlight(mark);
  };

  return (
    // Clicks and keys on highlight marks are handled here, once, rather than on every mark.
    <div className="paragraphs" onClick={onClick} onKeyDown={onKeyDown}>
      {runs.map((run) => {
        const first = run.paragraphs[0];
        if (!first) return null;
        if (run.hidden && !showHidden) {
          return (
            <button key={`hidden-${first.id}`} type="button" className="hidden-run" onClick={onShowHidden}>
              {t('hiddenRun', { count: run.paragraphs.length })}
            </button>
          );
        }
        return (
          <div key={`run-${first.id}`} className={run.hidden ? 'run run-hidden' : 'run'}>
            {run.paragraphs.map(renderParagraph)}
          </div>
        );
      })}
    </div>
  );
}
