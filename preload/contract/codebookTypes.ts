/**
 * The codebook (issue #18): a tag's description, as qualitative researchers write one for a code.
 * Every part is plain text (line breaks kept), so the Markdown codebook, the JSON backup and a
 * REFI-QDA codebook (.qdc) carry it exactly as written.
 */

/** At most this many characters in one part: a long page of definition, never a whole article. */
export const maxTagDescriptionPartLength = 10_000;

export const tagDescriptionParts = ['definition', 'inclusion', 'exclusion', 'example'] as const;
export type TagDescriptionPart = (typeof tagDescriptionParts)[number];

/** What the person writes: '' for a part left empty. A description of four empty parts is none. */
export interface TagDescriptionText {
  /** What the code means. */
  definition: string;
  /** When to apply it. */
  inclusion: string;
  /** When not to (and which code to use instead). */
  exclusion: string;
  /** A passage that is a clear case of it. */
  example: string;
}

/** A stored description: the text and when it was last changed (ISO). */
export interface TagDescription extends TagDescriptionText {
  updatedAt: string;
}
