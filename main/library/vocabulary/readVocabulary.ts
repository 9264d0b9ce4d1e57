import { foldToSimplified } from '../../../preload/common/foldScript';
import type { VocabularyEntry, VocabularyFilter } from '../../../preload/contract/vocabularyTypes';
import { normalizeTagName } from '../annotations/tagNames';
import type { Db } from '../store/openDatabase';

export interface VocabularyRow {
  id: number;
  word: string;
  stored_word: string;
  reading: string;
  sense: string;
  sentence: string;
  sentence_offset: number;
  article_id: number | null;
  paragraph_id: number | null;
  start_offset: number;
  end_offset: number;
  created_at: string;
  updated_at: string;
  article_title: string | null;
}

const tagMatches = `(t.name = @tag COLLATE NOCASE OR substr(t.name, 1, length(@tag) + 1) = @tag || '/' COLLATE NOCASE)`;

const selectEntries = `
  SELECT v.*, a.title AS article_title FROM vocabulary v LEFT JOIN article a ON a.id = v.article_id`;

/** The back-link exported Markdown writes for a paragraph (renderPassages), so both open the same place. */
export function paragraphLink(articleId: number | null, paragraphId: number | null): string | null {
  if (articleId === null) return null;
  return paragraphId === null ? `pizhu://article/${articleId}` : `pizhu://article/${articleId}#${paragraphId}`;
}

export function toEntry(row: VocabularyRow): VocabularyEntry {
  return {
    id: row.id,
    word: row.word,
    storedWord: row.stored_word,
    reading: row.reading,
    sense: row.sense,
    sentence: row.sentence,
    sentenceOffset: row.sentence_offset,
    articleId: row.article_id,
    articleTitle: row.article_title,
    paragraphId: row.paragraph_id,
    start: row.start_offset,
    end: row.end_offset,
    link: paragraphLink(row.article_id, row.paragraph_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function readEntry(db: Db, id: number): VocabularyEntry | undefined {
  const row = db.prepare(`${selectEntries} WHERE v.id = ?`).get(id) as VocabularyRow | undefined;
  return row ? toEntry(row) : undefined;
}

/**
 * The entries the filter keeps, newest first. Article, tag and dates are asked of SQLite; the
 * text is matched here, script-folded and without tone marks (学习 finds 學習, xuexi finds xuéxí), in every text field of the entry: a
 * person's vocabulary is thousands of words at most.
 */
export function listEntries(db: Db, filter: VocabularyFilter = {}): VocabularyEntry[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.articleId !== undefined) {
    where.push('v.article_id = @articleId');
    params.articleId = filter.articleId;
  }
  if (filter.from !== undefined) {
    where.push('v.created_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    // The whole of that day: every ISO time on it sorts before the next day's date.
    where.push("v.created_at < date(@to, '+1 day')");
    params.to = filter.to;
  }
  if (filter.tag !== undefined) {
    // The tag or one nested under it, on the word's paragraph or on a highlight in that paragraph.
    where.push(`v.paragraph_id IN (
      SELECT pt.paragraph_id FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id WHERE ${tagMatches}
      UNION
      SELECT h.paragraph_id FROM highlight h JOIN highlight_tag ht ON ht.highlight_id = h.id
        JOIN tag t ON t.id = ht.tag_id WHERE ${tagMatches})`);
    params.tag = normalizeTagName(filter.tag);
  }
  const sql = `${selectEntries}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY v.created_at DESC, v.id DESC`;
  const entries = (db.prepare(sql).all(params) as VocabularyRow[]).map(toEntry);
  const text = filter.text?.trim();
  if (!text) return entries;
  const needle = searchable(text);
  return entries.filter((e) =>
    [e.word, e.storedWord, e.reading, e.sense, e.sentence].some((field) => searchable(field).includes(needle)),
  );
}

/** Script-folded, lower case, tone marks dropped: 學習 finds 学习, and xuexi finds xuéxí. */
function searchable(text: string): string {
  return foldToSimplified(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
