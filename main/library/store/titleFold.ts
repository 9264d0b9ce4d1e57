import { foldToSimplified } from '../../../preload/common/foldScript';
import type { Db } from './openDatabase';

/**
 * A title as the library list's title filter compares it: simplified characters, lower case, so
 * 晋江 finds 晉江 and pizhu finds Pizhu. Kept in article.title_folded by triggers (migration 0036)
 * so that the filter is a scan of an index in C, not a call into JavaScript for every article.
 */
export function foldTitle(text: string): string {
  return foldToSimplified(text).toLowerCase();
}

/** The SQL name of foldTitle, which the title triggers call on every article insert and rename. */
export const titleFoldFunction = 'pizhu_fold_title';

/** Registers it on a connection: registerChecksumFunction does, so every connection that may write an article has it. */
export function registerTitleFoldFunction(db: Db): void {
  db.function(titleFoldFunction, { deterministic: true }, (title: unknown) => (typeof title === 'string' ? foldTitle(title) : ''));
}
