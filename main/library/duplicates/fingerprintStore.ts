import type { Db } from '../store/openDatabase';
import { preparedStatement } from '../store/preparedStatements';
import { rawSql } from '../store/paragraphRaw';
import { fingerprintOf, type Fingerprint, type FingerprintParagraph } from './fingerprint';
import { bandBuckets, bandCount } from './minHash';

/** An article a new one duplicates, as the import report names it. */
export interface KnownArticle {
  id: number;
  title: string;
  trashed: boolean;
}

/** Per connection, while an import batch runs (withDeferredBands): the articles whose fingerprint it saved. */
const deferredBands = new WeakMap<Db, Set<number>>();

export function saveFingerprint(db: Db, articleId: number, fingerprint: Fingerprint): void {
  preparedStatement(db, 'DELETE FROM article_fingerprint WHERE article_id = ?').run(articleId);
  preparedStatement(
    db,
    'INSERT INTO article_fingerprint (article_id, text_hash, shingle_count, signature) VALUES (?, ?, ?, ?)',
  ).run(articleId, fingerprint.textHash, fingerprint.shingleCount, signatureBytes(fingerprint.signature));
  const deferred = deferredBands.get(db);
  if (deferred) {
    deferred.add(articleId);
    return;
  }
  // All the bands in one statement: an import saves a fingerprint per article, and a statement
  // per band was most of that.
  const values = bandBuckets(fingerprint.signature).flatMap((bucket, b) => [b, bucket, articleId]);
  preparedStatement(db, insertBands).run(values);
}

/**
 * Runs `work` (an import batch, inside the caller's transaction) with the band rows of the
 * fingerprints it saves held back, then writes them in (band, bucket) order in that transaction.
 * Why: a bucket is a hash, so an article's 20 rows land on 20 random pages of article_band, and
 * the pages to visit grow with the library: at 5,000 bench articles these inserts were 3.8 s of
 * the storing thread's time, more than the fingerprints' own rows. Sorted, a batch's rows walk
 * each band's pages once.
 *
 * The rows are made from the signatures as stored when the batch ends: an article whose
 * savepoint was rolled back has none and gets none, and an id used again after such a rollback
 * gets the rows of the fingerprint it holds. A throw writes nothing (the caller rolls back).
 */
export function withDeferredBands<T>(db: Db, work: () => T): T {
  if (deferredBands.has(db)) return work();
  const saved = new Set<number>();
  deferredBands.set(db, saved);
  let result: T;
  try {
    result = work();
  } finally {
    deferredBands.delete(db);
  }
  const signatureOfArticle = preparedStatement(db, 'SELECT signature FROM article_fingerprint WHERE article_id = ?').pluck();
  const rows: [band: number, bucket: number, articleId: number][] = [];
  for (const articleId of saved) {
    const stored = signatureOfArticle.get(articleId) as Buffer | undefined;
    if (stored) bandBuckets(signatureFrom(stored)).forEach((bucket, band) => rows.push([band, bucket, articleId]));
  }
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  // Every article has bandCount rows, so the sorted rows go in bandCount at a time.
  const insert = preparedStatement(db, insertBands);
  for (let next = 0; next < rows.length; next += bandCount) insert.run(rows.slice(next, next + bandCount).flat());
  return result;
}

const insertBands = `INSERT OR IGNORE INTO article_band (band, bucket, article_id) VALUES ${Array.from(
  { length: bandCount },
  () => '(?, ?, ?)',
).join(', ')}`;

/** The article already holding this folded text, if any (the oldest, when several do). */
export function findSameText(db: Db, textHash: string): KnownArticle | undefined {
  const row = preparedStatement(
    db,
    `SELECT a.id, a.title, a.trashed_at IS NOT NULL AS trashed
     FROM article_fingerprint f JOIN article a ON a.id = f.article_id
     WHERE f.text_hash = ? ORDER BY a.id LIMIT 1`,
  ).get(textHash) as { id: number; title: string; trashed: number } | undefined;
  return row && { id: row.id, title: row.title, trashed: row.trashed === 1 };
}

/**
 * The articles sharing the most band buckets with these (the LSH index's candidates, likeliest
 * first: the share of bands two articles share grows with their similarity), at most `limit`.
 */
export function candidateArticles(db: Db, buckets: readonly number[], except: number, limit: number): number[] {
  // One index range per band; the newest members of a bucket when a story has been reposted very often.
  const find = preparedStatement(
    db,
    'SELECT article_id FROM article_band WHERE band = ? AND bucket = ? ORDER BY article_id DESC LIMIT 100',
  ).pluck();
  const shared = new Map<number, number>();
  buckets.forEach((bucket, band) => {
    for (const id of find.all(band, bucket) as number[]) if (id !== except) shared.set(id, (shared.get(id) ?? 0) + 1);
  });
  return [...shared]
    .sort(([a, x], [b, y]) => y - x || a - b)
    .slice(0, limit)
    .map(([id]) => id);
}

export interface StoredFingerprint {
  articleId: number;
  textHash: string;
  shingleCount: number;
  signature: Uint32Array;
}

export function readFingerprint(db: Db, articleId: number): StoredFingerprint | undefined {
  const row = preparedStatement(
    db,
    'SELECT article_id, text_hash, shingle_count, signature FROM article_fingerprint WHERE article_id = ?',
  ).get(articleId) as FingerprintRow | undefined;
  return row && fromRow(row);
}

/** Every article's fingerprint (trashed ones left out), in id order. */
export function readAllFingerprints(db: Db): StoredFingerprint[] {
  const rows = db
    .prepare(
      `SELECT f.article_id, f.text_hash, f.shingle_count, f.signature FROM article_fingerprint f
       JOIN article a ON a.id = f.article_id WHERE a.trashed_at IS NULL ORDER BY f.article_id`,
    )
    .all() as FingerprintRow[];
  return rows.map(fromRow);
}

/**
 * Fingerprints for the articles that have none (imported before fingerprints existed, merged
 * from a backup, or changed since: any paragraph change drops one). Stored when the library is
 * writable; a read-only open gets them computed and not kept.
 */
export function fillMissingFingerprints(db: Db, writable: boolean): StoredFingerprint[] {
  const missing = db
    .prepare(
      `SELECT a.id FROM article a WHERE a.trashed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM article_fingerprint f WHERE f.article_id = a.id) ORDER BY a.id`,
    )
    .pluck()
    .all() as number[];
  const computed = missing.map((articleId) => ({
    articleId,
    fingerprint: fingerprintOf(readingParagraphs(db, articleId)),
  }));
  if (writable && computed.length > 0) {
    db.transaction(() => {
      for (const { articleId, fingerprint } of computed) saveFingerprint(db, articleId, fingerprint);
    }).immediate();
  }
  return computed.map(({ articleId, fingerprint }) => ({
    articleId,
    textHash: fingerprint.textHash,
    shingleCount: fingerprint.shingleCount,
    signature: fingerprint.signature,
  }));
}

/** An article's paragraphs as the fingerprint reads them (kind, reading text, raw text), in order. */
export function readingParagraphs(db: Db, articleId: number): FingerprintParagraph[] {
  return preparedStatement(db, `SELECT kind, text, ${rawSql()} AS raw FROM paragraph WHERE article_id = ? ORDER BY ord`).all(
    articleId,
  ) as FingerprintParagraph[];
}

interface FingerprintRow {
  article_id: number;
  text_hash: string;
  shingle_count: number;
  signature: Buffer;
}

function fromRow(row: FingerprintRow): StoredFingerprint {
  return {
    articleId: row.article_id,
    textHash: row.text_hash,
    shingleCount: row.shingle_count,
    signature: signatureFrom(row.signature),
  };
}

function signatureFrom(bytes: Buffer): Uint32Array {
  // Copied out: a Buffer from SQLite may not be aligned for a Uint32Array view.
  const signature = new Uint32Array(bytes.byteLength / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
}

function signatureBytes(signature: Uint32Array): Buffer {
  // Little-endian whatever the machine: copied as it is where the machine is little-endian too.
  if (littleEndian)
    return Buffer.from(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength));
  const bytes = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes;
}

const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
