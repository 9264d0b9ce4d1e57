import type { NewArticle } from '../store/articles';

/**
 * Files an app import skipped as duplicates, parsed and kept in memory for a while so the person
 * can still choose "Keep both" from the import report without the file being read again (a
 * dropped file has no path to read it from). Bounded: the oldest are let go past the limits, and
 * their report then offers nothing more.
 */
export interface HeldDuplicates {
  /** Holds a skipped file; its id for keepDuplicate, or undefined when it is too big to hold. */
  hold(article: NewArticle): number | undefined;
  /** Takes a held file out (it can be kept once). */
  take(id: number): NewArticle | undefined;
}

/**
 * A report's worth of duplicates: a file's text costs two bytes a character and its parse a few
 * times that, so 16 M characters stay within a few hundred MB of main's memory.
 */
export const maxHeldDuplicates = 500;
export const maxHeldChars = 16 * 1024 * 1024;

export function heldDuplicates(maxCount = maxHeldDuplicates, maxChars = maxHeldChars): HeldDuplicates {
  const held = new Map<number, NewArticle>(); // insertion order: oldest first
  let chars = 0;
  let nextId = 1;
  const release = (id: number): NewArticle | undefined => {
    const article = held.get(id);
    if (article) {
      held.delete(id);
      chars -= article.rawText.length;
    }
    return article;
  };
  return {
    hold(article) {
      if (article.rawText.length > maxChars) return undefined;
      while (held.size >= maxCount || chars + article.rawText.length > maxChars) {
        const oldest = held.keys().next();
        if (oldest.done) break;
        release(oldest.value);
      }
      const id = nextId++;
      held.set(id, article);
      chars += article.rawText.length;
      return id;
    },
    take: release,
  };
}
