import type { BlockRole } from '../extractHtmlArticle';

/** What a saved page's markup says about its text (extractHtmlArticle): the page title and each block's role. */
export interface PageStructure {
  /** The page's own title (<title>, og:title), or null. */
  title: string | null;
  /** One role per block of the extracted text, whose blocks are joined by "\n\n". */
  roles: readonly BlockRole[];
}

/**
 * The role of each paragraph span of the extracted text: the role of the block the span starts
 * in (a block cut into several spans by the length limit gives each piece its role).
 */
export function spanRoles(text: string, structure: PageStructure, spans: readonly { start: number }[]): BlockRole[] {
  const starts: number[] = [];
  let at = 0;
  for (const block of text.split('\n\n')) {
    starts.push(at);
    at += block.length + 2;
  }
  let block = 0;
  return spans.map((span) => {
    while (block + 1 < starts.length && starts[block + 1]! <= span.start) block++;
    return structure.roles[block] ?? 'text';
  });
}
