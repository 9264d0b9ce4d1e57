/**
 * What a check of the library found (`pizhu verify`, and the open after an unclean exit): rows
 * whose text no longer matches its checksum, and SQLite's own integrity findings. The app shows
 * it and offers the backups that still hold the damaged text intact.
 */
export interface DamagedText {
  /** `article`: its raw text or metadata; `paragraph`: a paragraph's text; `note`: the note on a paragraph. */
  kind: 'article' | 'paragraph' | 'note';
  articleId: number | null;
  /** As stored: it may itself be the damaged part. */
  articleTitle: string | null;
  /** The paragraph, or the paragraph the note belongs to; null for an article. */
  paragraphId: number | null;
  /** Its position in the article (0 = first), for a person to find it. */
  paragraphOrder: number | null;
  /** One sentence naming it. */
  description: string;
}

export interface LibraryCheck {
  /** True when SQLite found nothing and every checksum matched. */
  ok: boolean;
  /** Why the check ran. */
  reason: 'unclean-exit' | 'requested';
  /** `integrity_check` / `quick_check` lines other than "ok"; empty when none ran or all was well. */
  integrity: string[];
  damaged: DamagedText[];
  checked: { articles: number; paragraphs: number; notes: number };
  /** Backups, newest first, in which every damaged row is present with a matching checksum. */
  goodBackups: Array<{ path: string; createdAt: string }>;
}
