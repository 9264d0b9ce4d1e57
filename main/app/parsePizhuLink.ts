export interface PizhuLink {
  articleId: number;
  paragraphId: number | null;
}

/**
 * `pizhu://article/ID#PARAGRAPH`, the back-link in exported Markdown. Anything else, or ids
 * that are not positive integers, is not a link Pizhu follows.
 */
export function parsePizhuLink(value: string): PizhuLink | null {
  const match = /^pizhu:\/\/article\/(\d{1,15})\/?(?:#(\d{1,15}))?$/.exec(value.trim());
  if (!match) return null;
  const articleId = Number(match[1]);
  const paragraphId = match[2] === undefined ? null : Number(match[2]);
  if (articleId <= 0 || (paragraphId !== null && paragraphId <= 0)) return null;
  return { articleId, paragraphId };
}

/** The first pizhu:// link among command-line arguments (Windows and Linux pass links this way). */
export function linkFromArgv(argv: readonly string[]): PizhuLink | null {
  for (const arg of argv) {
    const link = arg.startsWith('pizhu://') ? parsePizhuLink(arg) : null;
    if (link) return link;
  }
  return null;
}
