import type { ParagraphView } from '../../../../preload/contract/articleTypes';

export interface ParagraphRun {
  hidden: boolean;
  paragraphs: ParagraphView[];
}

/** Consecutive boilerplate paragraphs form one run, so hidden lines collapse in place. */
export function groupHiddenRuns(paragraphs: readonly ParagraphView[]): ParagraphRun[] {
  const runs: ParagraphRun[] = [];
  for (const p of paragraphs) {
    const hidden = p.kind === 'boilerplate';
    const last = runs[runs.length - 1];
    if (last && last.hidden === hidden) last.paragraphs.push(p);
    else runs.push({ hidden, paragraphs: [p] });
  }
  return runs;
}
