import type { ArticleMetadata, ParagraphKind, SourceRegion } from '../../../preload/contract/articleTypes';
import { createJournaled, shortQuote } from '../annotations/journaled';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';

const metadataColumns = {
  title: 'title',
  subtitle: 'subtitle',
  source: 'source',
  author: 'author',
  publishedAt: 'published_at',
  url: 'url',
} as const;

/** For the journal's descriptions (the undo menu shows them). */
const regionNames: Readonly<Record<SourceRegion, string>> = {
  mainland: 'mainland China',
  taiwan: 'Taiwan',
  hongkong: 'Hong Kong',
  generic: 'standard traditional',
};

interface ArticleState {
  title: string;
  metadata_edits: string;
  trashed_at: string | null;
  archived_at: string | null;
}

/**
 * What a person does to an article as a whole: edit its details, re-classify a paragraph, move it
 * to the trash and back, archive and unarchive. Each is one transaction and one journal entry
 * (one undo step); only the columns named in journaledTables are written, so the text and its
 * checksum stay as they were (the trigger recomputes the checksum for restored details).
 */
export function articleActions(db: Db, nowIso: () => string) {
  const journaled = createJournaled(db, nowIso);

  function requireState(articleId: number): ArticleState {
    const row = db
      .prepare('SELECT title, metadata_edits, trashed_at, archived_at FROM article WHERE id = ?')
      .get(articleId) as ArticleState | undefined;
    if (!row) throw new LibraryError('not-found', `There is no article ${articleId} in the library.`);
    return row;
  }

  function requireNotTrashed(articleId: number): ArticleState {
    const state = requireState(articleId);
    if (state.trashed_at !== null) {
      throw new LibraryError(
        'invalid-argument',
        `"${state.title}" is in the trash; restore it first. Nothing changed.`,
      );
    }
    return state;
  }

  return {
    /** Applies the person's edits and remembers which fields were edited, so a re-clean keeps them. */
    updateMetadata(articleId: number, changes: Partial<ArticleMetadata>): void {
      const state = requireNotTrashed(articleId);
      journaled((rec) => {
        const edits = JSON.parse(state.metadata_edits) as Record<string, unknown>;
        const fields: Record<string, string | number | null> = {};
        for (const [field, column] of Object.entries(metadataColumns)) {
          const value = changes[field as keyof typeof metadataColumns];
          if (value === undefined) continue;
          fields[column] = value;
          edits[field] = value;
        }
        if (changes.title !== undefined) fields.title_inferred = 0;
        fields.metadata_edits = JSON.stringify(edits);
        rec.update('article', { id: articleId }, fields);
        return {
          value: undefined,
          op: 'article.details',
          description: `Edit the details of "${shortQuote(changes.title ?? state.title)}"`,
        };
      });
    },

    /** Returns the paragraph's article. */
    reclassifyParagraph(paragraphId: number, kind: ParagraphKind): number {
      const row = db.prepare('SELECT article_id FROM paragraph WHERE id = ?').get(paragraphId) as
        | { article_id: number }
        | undefined;
      if (!row) throw new LibraryError('not-found', `There is no paragraph ${paragraphId}.`);
      requireNotTrashed(row.article_id);
      journaled((rec) => {
        rec.update('paragraph', { id: paragraphId }, { kind, kind_by_user: 1 });
        return { value: undefined, op: 'paragraph.reclassify', description: `Mark a paragraph as ${kind}` };
      });
      return row.article_id;
    },

    /** To the trash: out of the list, search, tags and exports, with every annotation kept. */
    trashArticle(articleId: number): string {
      const state = requireState(articleId);
      if (state.trashed_at !== null) return state.title;
      journaled((rec, now) => {
        rec.update('article', { id: articleId }, { trashed_at: now });
        return { value: undefined, op: 'article.trash', description: `Move "${shortQuote(state.title)}" to the trash` };
      });
      return state.title;
    },

    restoreArticle(articleId: number): string {
      const state = requireState(articleId);
      if (state.trashed_at === null) return state.title;
      journaled((rec) => {
        rec.update('article', { id: articleId }, { trashed_at: null });
        return { value: undefined, op: 'article.restore', description: `Restore "${shortQuote(state.title)}"` };
      });
      return state.title;
    },

    /**
     * The person's word on where the article comes from (null: back to the detected region). It
     * decides the article's conversions and outlives a re-clean, which only re-detects.
     */
    setRegion(articleId: number, region: SourceRegion | null): void {
      const state = requireNotTrashed(articleId);
      journaled((rec) => {
        rec.update('article', { id: articleId }, { region_corrected: region });
        return {
          value: undefined,
          op: 'article.region',
          description: region
            ? `Mark "${shortQuote(state.title)}" as written in ${regionNames[region]}`
            : `Use the detected region of "${shortQuote(state.title)}"`,
        };
      });
    },

    setArchived(articleId: number, archived: boolean): string {
      const state = requireNotTrashed(articleId);
      if ((state.archived_at !== null) === archived) return state.title;
      journaled((rec, now) => {
        rec.update('article', { id: articleId }, { archived_at: archived ? now : null });
        const verb = archived ? 'Archive' : 'Unarchive';
        return { value: undefined, op: archived ? 'article.archive' : 'article.unarchive', description: `${verb} "${shortQuote(state.title)}"` };
      });
      return state.title;
    },
  };
}
