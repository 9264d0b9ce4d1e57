import { paragraph } from './migrations/0004-search-index-without-sizes';
import { searchCharactersFunction, searchTokensFunction } from '../search/searchFunctions';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';
import { liftTitleTrigger } from './deferTitleFold';

/** The trigger that indexes each new paragraph (migration 0004), and the one-row table it reads. */
const triggerName = 'paragraph_search_insert';
const newParagraph = paragraph('new');

/**
 * Runs `work` (a batch of imports, inside the caller's transaction) with the paragraph index
 * trigger lifted, then indexes the batch's new paragraphs in one statement and puts the trigger
 * back, all in that transaction: a crash or a throw rolls the whole batch back, trigger included.
 *
 * Why: FTS5 flushes its pending terms to a new segment at every savepoint, and each article of
 * a batch is a savepoint (and each paragraph INSERT a statement savepoint), so indexing row by
 * row writes and then merges thousands of tiny segments; that was most of an import's time.
 *
 * The indexing statements are the trigger's own body with its one-row source swapped for the new
 * rows, so the indexes hold exactly what the trigger would have written. If the trigger is not
 * the one expected, the batch simply runs with it.
 *
 * When every new paragraph's tokens were given (searchTokensGiven: the parse worker made them
 * with the same tokenizer), the body reads them in place of its calls of the tokenizer's SQL
 * functions: the storing thread neither tokenizes nor reads each text back into JavaScript
 * (2,000 bench articles: 0.75 s of its CPU for the two statements, 0.38 s so).
 *
 * Two more per-row triggers are lifted for the batch the same way: the one that drops a changed
 * article's duplicate fingerprint (below) and the new article's folded title (store/deferTitleFold).
 */
export function withDeferredParagraphIndex<T>(db: Db, work: () => T): T {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(triggerName) as
    { sql: string } | undefined;
  const body = row ? /\bBEGIN\b([\s\S]*)\bEND\s*$/.exec(row.sql)?.[1] : undefined;
  // The trigger indexes the search index and the character index (migration 0018) from the same row.
  if (!row || body === undefined || body.split(newParagraph).length < 2) return work();
  // Paragraph ids are rowids without AUTOINCREMENT: every row the batch adds is above today's max.
  const { maxId } = db.prepare('SELECT coalesce(max(id), 0) AS maxId FROM paragraph').get() as { maxId: number };
  const fingerprint = liftFingerprintTrigger(db);
  const titles = liftTitleTrigger(db);
  db.exec(`DROP TRIGGER ${triggerName}`);
  const given = new Map<number, SearchTokens>();
  givenTokens.set(db, given);
  let result: T;
  try {
    result = work();
  } finally {
    givenTokens.delete(db);
  }
  if (!indexGivenTokens(db, body, maxId, given)) {
    // Every statement of the body, over the batch's rows (maxId is an integer from SQLite).
    db.exec(body.replaceAll(newParagraph, `FROM paragraph r WHERE r.id > ${Math.trunc(maxId)}`));
  }
  db.exec(row.sql);
  fingerprint?.restore(maxId);
  titles?.restore();
  return result;
}

/** The search index's tokens of an article's paragraph texts, by paragraph order (search/searchTokens). */
export interface SearchTokens {
  /** indexTokens of each paragraph's text. */
  tokens: readonly string[];
  /** indexCharacters of each paragraph's text. */
  characters: readonly string[];
}

/** Per connection, while a batch runs with the index deferred: the tokens given for its articles, by article id. */
const givenTokens = new WeakMap<Db, Map<number, SearchTokens>>();

/**
 * Gives the tokens of the paragraphs just stored for `articleId` (inside a deferred batch; else
 * ignored: the trigger indexes them). An id used again after a rolled-back article takes the
 * later article's tokens, as its rows are the later article's.
 */
export function searchTokensGiven(db: Db, articleId: number, tokens: SearchTokens): void {
  givenTokens.get(db)?.set(articleId, tokens);
}

const tokensCall = `${searchTokensFunction}(r.text)`;
const charactersCall = `${searchCharactersFunction}(r.text)`;
/** Rows of tokens bound per statement: as insertParagraphs, few crossings into SQLite. */
const rowsPerInsert = 32;

/**
 * Indexes the batch's new paragraphs with the tokens given for them: false (nothing written)
 * unless every one has them and the body reads the text only through those two calls. The
 * tokens go through a temporary table (in memory), and the body runs over it as over the rows:
 * one statement per index, as the body alone. (A statement per row would be a savepoint per
 * row, at each of which FTS5 writes out a segment.)
 */
function indexGivenTokens(db: Db, body: string, maxId: number, given: ReadonlyMap<number, SearchTokens>): boolean {
  if (given.size === 0) return false;
  const fromGiven = body
    .replaceAll(tokensCall, 'g.tokens')
    .replaceAll(charactersCall, 'g.characters')
    .replaceAll(newParagraph, `FROM paragraph r JOIN temp.${givenTable} g ON g.id = r.id WHERE r.id > ${Math.trunc(maxId)}`);
  if (/\br\.text\b/.test(fromGiven)) return false;
  const rows = db
    .prepare('SELECT id, article_id AS articleId, ord FROM paragraph WHERE id > ? ORDER BY id')
    .all(maxId) as { id: number; articleId: number; ord: number }[];
  const values: (number | string)[] = [];
  for (const { id, articleId, ord } of rows) {
    const of = given.get(articleId);
    const tokens = of?.tokens[ord];
    const characters = of?.characters[ord];
    if (typeof tokens !== 'string' || typeof characters !== 'string') return false;
    values.push(id, tokens, characters);
  }
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${givenTable} (id INTEGER PRIMARY KEY, tokens TEXT NOT NULL, characters TEXT NOT NULL)`);
  try {
    const full = preparedStatement(db, insertGivenSql(rowsPerInsert));
    const perInsert = rowsPerInsert * 3;
    let at = 0;
    for (; at + perInsert <= values.length; at += perInsert) full.run(values.slice(at, at + perInsert));
    if (at < values.length) db.prepare(insertGivenSql((values.length - at) / 3)).run(values.slice(at));
    db.exec(fromGiven);
  } finally {
    db.exec(`DELETE FROM temp.${givenTable}`);
  }
  return true;
}

const givenTable = 'search_tokens_given';

function insertGivenSql(rows: number): string {
  return `INSERT INTO temp.${givenTable} (id, tokens, characters) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')}`;
}

/**
 * The fingerprints of the articles up to `?2` that gained a paragraph above `?1`. The batch's
 * paragraphs are read by rowid (the `+` keeps the planner off the (article_id, ord) index): by
 * that index it read every older article's paragraphs at each batch, some 15 ms a batch at
 * 10,000 bench articles and 60-100 ms at 100,000, for the few thousand rows of the batch.
 */
export const fingerprintsDroppedSql =
  'DELETE FROM article_fingerprint WHERE article_id IN (SELECT article_id FROM paragraph WHERE id > ? AND +article_id <= ?)';

/** Migration 0012's trigger: a new paragraph drops its article's fingerprint (derived data, made again when needed). */
const fingerprintTrigger = 'paragraph_insert_drops_fingerprint';
const dropsFingerprint = /\bBEGIN\s+DELETE FROM article_fingerprint WHERE article_id = NEW\.article_id;\s+END\s*$/;

/**
 * Lifts that trigger for the batch too: it ran once per paragraph (some 2.4 µs each, a tenth of
 * the CPU of storing an import) and found nothing, since a batch’s articles are new and get
 * their fingerprint after their paragraphs. `restore` then drops, in one statement, the
 * fingerprints of the articles older than the batch that gained a paragraph in it (what the
 * trigger would have dropped), and puts the trigger back. Left in place if it is not the one expected.
 */
function liftFingerprintTrigger(db: Db): { restore: (maxParagraphId: number) => void } | undefined {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(fingerprintTrigger) as
    string | undefined;
  if (sql === undefined || !dropsFingerprint.test(sql)) return undefined;
  const maxArticleId = db.prepare('SELECT coalesce(max(id), 0) FROM article').pluck().get() as number;
  db.exec(`DROP TRIGGER ${fingerprintTrigger}`);
  return {
    restore(maxParagraphId) {
      db.prepare(fingerprintsDroppedSql).run(maxParagraphId, maxArticleId);
      db.exec(sql);
    },
  };
}
