import { LibraryError } from '../../libraryError';
import { madeByValueSql } from '../../store/madeHere';
import type { Db } from '../../store/openDatabase';
import type { AgreementId, AgreementInput, AgreementLevel } from './agreementTypes';

/** One code as the library stores it: on a highlight in a paragraph, or on the paragraph whole. */
export interface StoredCoding {
  articleId: number;
  paragraphId: number;
  tagId: number;
  /** The highlight the code is on; null for a code given to the whole paragraph. */
  highlightId: number | null;
  /** The member who gave the code (migration 0029; '' when nobody recorded it). */
  madeBy: string;
}

export interface AgreementSelection {
  level: AgreementLevel;
  /** The articles compared, in the order their passages are listed. */
  articleIds: readonly number[];
  /** The codes compared (tag ids), in this order; absent: every tag coded in the chosen articles, by name. */
  tagIds?: readonly number[];
  coders: readonly AgreementId[];
  /** Who made a coding (one of `coders`); undefined: a coding by none of them, left out. */
  coderOf: (coding: StoredCoding) => AgreementId | undefined;
  /** The coders who coded an article when not all of them did (AgreementArticle.coders); undefined: all. */
  codersOf?: (articleId: number) => readonly AgreementId[] | undefined;
}

export interface StoredAgreementInput {
  /** Articles by id, codes by tag id; a coding's paragraph is its index in the article's paragraphs. */
  input: AgreementInput;
  /** The compared tags' names, by id. */
  tagNames: Map<number, string>;
  /** Each chosen article's paragraph ids in order: a passage's paragraph index here names its row. */
  paragraphIds: Map<number, number[]>;
}

/**
 * The agreement input for chosen articles of a library, read in one pass. Every paragraph of an
 * article is counted, hidden lines too (a coder may have coded one), with its length in UTF-16
 * code units as the text stores offsets (length() in SQL counts code points, so the text is read).
 * Highlights the cleaner could not place (orphans) have no range and are left out. An article
 * that does not exist or is in the trash is refused: its codings would silently count as none.
 */
export function readAgreementInput(db: Db, selection: AgreementSelection): StoredAgreementInput {
  const articleIds = [...new Set(selection.articleIds)];
  const articleRow = db.prepare('SELECT id, trashed_at AS trashedAt FROM article WHERE id = ?');
  for (const id of articleIds) {
    const row = articleRow.get(id) as { id: number; trashedAt: string | null } | undefined;
    if (!row) throw new LibraryError('not-found', `There is no article ${id}.`, String(id));
    if (row.trashedAt !== null) throw new LibraryError('invalid-argument', `Article ${id} is in the trash; restore it to compare its coding.`, String(id));
  }
  const ids = JSON.stringify(articleIds);

  const paragraphIds = new Map<number, number[]>(articleIds.map((id) => [id, []]));
  const lengths = new Map<number, number[]>(articleIds.map((id) => [id, []]));
  const indexOfParagraph = new Map<number, number>();
  const paragraphs = db
    .prepare(
      `SELECT id, article_id AS articleId, text FROM paragraph
        WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, ord`,
    )
    .all(ids) as Array<{ id: number; articleId: number; text: string }>;
  for (const p of paragraphs) {
    const list = paragraphIds.get(p.articleId)!;
    indexOfParagraph.set(p.id, list.length);
    list.push(p.id);
    lengths.get(p.articleId)!.push(p.text.length);
  }

  const rows = db
    .prepare(
      `SELECT ht.tag_id AS tagId, h.article_id AS articleId, h.paragraph_id AS paragraphId, h.id AS highlightId,
              h.start_offset AS start, h.end_offset AS "end", coalesce(${madeByValueSql('ht')}, '') AS madeBy
         FROM highlight h JOIN highlight_tag ht ON ht.highlight_id = h.id
        WHERE h.article_id IN (SELECT value FROM json_each(@ids)) AND h.paragraph_id IS NOT NULL
      UNION ALL
       SELECT pt.tag_id, p.article_id, p.id, NULL, NULL, NULL, coalesce(${madeByValueSql('pt')}, '')
         FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
        WHERE p.article_id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids }) as Array<StoredCoding & { start: number | null; end: number | null }>;
  // Codings by none of the coders compared (another member's, in a shared library) are left out, codes too.
  const counted = rows.filter((r) => selection.coderOf(r) !== undefined);

  const tags =
    selection.tagIds === undefined
      ? (db
          .prepare(`SELECT id, name FROM tag WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name`)
          .all(JSON.stringify([...new Set(counted.map((r) => r.tagId))])) as Array<{ id: number; name: string }>)
      : tagsById(db, selection.tagIds);

  const highlights: AgreementInput['highlights'][number][] = [];
  const paragraphCodes: AgreementInput['paragraphCodes'][number][] = [];
  for (const { start, end, ...coding } of counted) {
    const paragraph = indexOfParagraph.get(coding.paragraphId)!;
    const coder = selection.coderOf(coding)!;
    const common = { coder, code: coding.tagId, article: coding.articleId, paragraph };
    if (coding.highlightId === null) paragraphCodes.push(common);
    else highlights.push({ ...common, start: start!, end: end! });
  }
  const input: AgreementInput = {
    level: selection.level,
    articles: articleIds.map((id) => {
      const coders = selection.codersOf?.(id);
      return coders === undefined ? { id, paragraphLengths: lengths.get(id)! } : { id, paragraphLengths: lengths.get(id)!, coders };
    }),
    coders: selection.coders,
    codes: tags.map((t) => t.id),
    highlights,
    paragraphCodes,
  };
  return {
    input,
    tagNames: new Map(tags.map((t) => [t.id, t.name])),
    paragraphIds,
  };
}

function tagsById(db: Db, tagIds: readonly number[]): Array<{ id: number; name: string }> {
  const row = db.prepare('SELECT id, name FROM tag WHERE id = ?');
  return [...new Set(tagIds)].map((id) => {
    const tag = row.get(id) as { id: number; name: string } | undefined;
    if (!tag) throw new LibraryError('not-found', `There is no tag ${id}.`, String(id));
    return tag;
  });
}
