import type { BackupImportCounts } from '../../../preload/contract/api';
import type { BackupVocabularyEntry } from '../export/backupFormat';
import type { Db } from '../store/openDatabase';
import type { VocabularyRow } from './readVocabulary';

/**
 * The vocabulary in a JSON backup (version 4): like highlights, without database ids: the
 * article by its content hash, the paragraph by its position in the article. In id order, so
 * the same library always gives the same JSON.
 */
export function readBackupVocabulary(db: Db, paragraphIndex: ReadonlyMap<number, number>): BackupVocabularyEntry[] {
  const rows = db
    .prepare(`SELECT v.*, a.content_hash FROM vocabulary v LEFT JOIN article a ON a.id = v.article_id ORDER BY v.id`)
    .all() as Array<VocabularyRow & { content_hash: string | null }>;
  return rows.map((row) => ({
    word: row.word,
    storedWord: row.stored_word,
    reading: row.reading,
    sense: row.sense,
    sentence: row.sentence,
    sentenceOffset: row.sentence_offset,
    article: row.content_hash,
    paragraph: row.paragraph_id === null ? null : (paragraphIndex.get(row.paragraph_id) ?? null),
    start: row.start_offset,
    end: row.end_offset,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/**
 * Adds the backup's words the library does not have (the same word, stored text, article and
 * time), after its articles are in. A word stays on its paragraph when the library's paragraph
 * at that position holds its stored text at its offsets, else it goes to the first paragraph of
 * the article that does there, else it keeps only its article and sentence: never a wrong link.
 */
export function importBackupVocabulary(
  db: Db,
  entries: readonly BackupVocabularyEntry[],
  counts: BackupImportCounts,
): void {
  const articleByHash = db.prepare('SELECT id FROM article WHERE content_hash = ?');
  const paragraphsOf = db.prepare('SELECT id, text FROM paragraph WHERE article_id = ? ORDER BY ord');
  const same = db.prepare(
    'SELECT 1 FROM vocabulary WHERE word = ? AND stored_word = ? AND article_id IS ? AND created_at = ?',
  );
  const insert = db.prepare(
    `INSERT INTO vocabulary (word, stored_word, reading, sense, sentence, sentence_offset, article_id, paragraph_id,
       start_offset, end_offset, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const entry of entries) {
    const article =
      entry.article === null ? undefined : (articleByHash.get(entry.article) as { id: number } | undefined);
    const articleId = article?.id ?? null;
    if (same.get(entry.word, entry.storedWord, articleId, entry.createdAt)) continue;
    let paragraphId: number | null = null;
    if (articleId !== null) {
      const paragraphs = paragraphsOf.all(articleId) as Array<{ id: number; text: string }>;
      const holds = (p: { text: string } | undefined) =>
        p !== undefined && entry.end > entry.start && p.text.slice(entry.start, entry.end) === entry.storedWord;
      const atPlace = entry.paragraph === null ? undefined : paragraphs[entry.paragraph];
      paragraphId = holds(atPlace) ? atPlace!.id : (paragraphs.find(holds)?.id ?? null);
    }
    insert.run(
      entry.word,
      entry.storedWord,
      entry.reading,
      entry.sense,
      entry.sentence,
      entry.sentenceOffset,
      articleId,
      paragraphId,
      entry.start,
      entry.end,
      entry.createdAt,
      entry.updatedAt,
    );
    counts.vocabularyAdded++;
  }
}
