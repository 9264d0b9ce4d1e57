/** Another article whose reading text is the same as, or a repost of, an article's. */
export interface SimilarArticle {
  articleId: number;
  title: string;
  /** Jaccard similarity of the two folded texts' shingles, 0 to 1; 1 for the same text. */
  similarity: number;
  /** The same text once folded (script, spacing, punctuation): another copy, not an edited repost. */
  sameText: boolean;
  /** It is in the trash: a duplicate there still counts, as a byte-identical copy does. */
  inTrash: boolean;
}

/** Two articles of a group and how alike they are. */
export interface DuplicatePair {
  a: number;
  b: number;
  similarity: number;
  sameText: boolean;
}

/** Articles linked by duplicate or repost pairs (transitively), oldest first. */
export interface DuplicateGroup {
  articles: { articleId: number; title: string; source: string | null; publishedAt: string | null }[];
  /** Every pair found alike, most alike first. */
  pairs: DuplicatePair[];
}

/** At import: skip a file whose folded text is already in the library (the default), or keep both, linked. */
export type DuplicateChoice = 'skip' | 'keep';
