import iconv from 'iconv-lite';
import * as Y from 'yjs';
import { LibraryError } from '../../libraryError';
import { contentHash, parseSource } from '../../import/prepareImport';
import type { SourceFormat } from '../../import/parsedArticle';
import { checkForDuplicate, linkNewArticle } from '../../duplicates/importCheck';
import { insertArticle } from '../../store/articles';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import { rawTextSql } from '../../store/rawTextCodec';

/**
 * An article's text as replicated: one 'text/<uid>' document per article, written once and never
 * changed, holding what the store keeps to parse it again (the raw text as decoded, its source
 * format, encoding and file name). Every device builds the same document from the same stored
 * text (a client id drawn from the uid, the fields set in one order), so two devices that both
 * imported a file hold it already in step, and a device without the article is sent it whole.
 * The uid is the SHA-256 of the file's bytes (import/prepareImport contentHash): a text whose
 * bytes do not hash to its uid is refused.
 *
 * An article re-imported from an edited file keeps its uid and gets a new text, another version:
 * 'text/<uid>/<hash>', the hash of the new file's bytes, as immutable as the first. Which version
 * is the article's now is the library document's article field `text` (articleVersions): a device
 * holding another version takes this one when that field names it.
 */
export const textDocPrefix = 'text/';
export const textDocName = (uid: string, hash: string = uid): string =>
  hash === uid ? `${textDocPrefix}${uid}` : `${textDocPrefix}${uid}/${hash}`;

/** A text document's article and the hash its text has (the uid for a first version), or undefined for any other name. */
export function textNameParts(name: string): { uid: string; hash: string } | undefined {
  const found = /^text\/([0-9a-f]{64})(?:\/([0-9a-f]{64}))?$/.exec(name);
  if (!found) return undefined;
  const uid = found[1]!;
  return { uid, hash: found[2] ?? uid };
}

/** The hash a text document's text has (its content address), or undefined for any other name. */
export const textUidOf = (name: string): string | undefined => textNameParts(name)?.hash;

export interface ArticleText {
  format: SourceFormat;
  encoding: string;
  fileName: string | null;
  rawText: string;
}

const formats: readonly SourceFormat[] = ['txt', 'md', 'html', 'paste'];
/** The document's one map and its fields, in the order every device writes them. */
const mapName = 'text';
const version = 1;
const textKeys: readonly string[] = ['version', 'format', 'encoding', 'file_name', 'raw_text'];

/** The document for an article's text: the same bytes on every device that holds that text. */
export function textDocUpdate(uid: string, text: ArticleText, hash: string = uid): Uint8Array {
  const doc = new Y.Doc({ gc: false, guid: textDocName(uid, hash) });
  // Yjs draws a client id at random; one drawn from the hash makes the document the same everywhere.
  doc.clientID = textClientId(hash);
  const map = doc.getMap<unknown>(mapName);
  doc.transact(() => {
    map.set('version', version);
    map.set('format', text.format);
    map.set('encoding', text.encoding);
    map.set('file_name', text.fileName);
    map.set('raw_text', text.rawText);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const textClientId = (hash: string) => Number.parseInt(hash.slice(0, 8), 16) >>> 1;

/**
 * The state vector of any text document, whatever its text: its one writer wrote its five fields
 * once. A device reports it for a version it has moved past, so it is not sent that text again.
 */
export function heldTextStateVector(hash: string): Uint8Array {
  return Y.encodeStateVector(new Map([[textClientId(hash), textKeys.length]]));
}

/** The document an update of a text document makes, applied to this side's copy (an empty one when it holds none). */
export function textDoc(uid: string, text: ArticleText | undefined, hash: string = uid): Y.Doc {
  const doc = new Y.Doc({ gc: false, guid: textDocName(uid, hash) });
  if (text) Y.applyUpdate(doc, textDocUpdate(uid, text, hash));
  return doc;
}

/**
 * The text an update of a text document holds, undefined when it holds nothing (an empty
 * update), or why it holds none that could be stored.
 */
export function readTextUpdate(name: string, update: Uint8Array): ArticleText | undefined | { refused: string } {
  const doc = new Y.Doc({ gc: false, guid: name });
  try {
    Y.applyUpdate(doc, update);
  } catch (error) {
    return {
      refused: `an update for "${name}" could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const map = doc.getMap<unknown>(mapName);
  const [format, encoding, fileName, rawText] = ['format', 'encoding', 'file_name', 'raw_text'].map((k) => map.get(k));
  const unknownKey = [...map.keys()].some((key) => !textKeys.includes(key));
  const pending = doc.store.pendingStructs !== null;
  const empty = map.size === 0 && !pending;
  doc.destroy();
  if (empty) return undefined;
  if (
    map.get('version') !== version ||
    !formats.includes(format as SourceFormat) ||
    typeof encoding !== 'string' ||
    (fileName !== null && typeof fileName !== 'string') ||
    typeof rawText !== 'string' ||
    unknownKey ||
    pending
  ) {
    return { refused: `"${name}" is not an article text of this version of Pizhu` };
  }
  return { format: format as SourceFormat, encoding, fileName, rawText };
}

/** Whether two texts read the same, field by field. */
export function sameText(a: ArticleText, b: ArticleText): boolean {
  return a.format === b.format && a.encoding === b.encoding && a.fileName === b.fileName && a.rawText === b.rawText;
}

/**
 * Whether the text is the one its uid names: the bytes it was decoded from (as UTF-8, with or
 * without a byte order mark, or in the encoding it was read in) hash to the uid. A text decoded
 * with replacements for bad bytes gives none back, and is not replicated.
 */
export function textMatchesUid(uid: string, text: ArticleText): boolean {
  for (const bytes of byteForms(text)) if (contentHash(bytes) === uid) return true;
  return false;
}

function* byteForms(text: ArticleText): Generator<Uint8Array> {
  const utf8 = Buffer.from(text.rawText, 'utf8');
  yield utf8;
  yield Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), utf8]);
  const encoding = text.encoding.toLowerCase();
  if (encoding === 'utf-8' || encoding === 'utf8' || !iconv.encodingExists(encoding)) return;
  const encoded = iconv.encode(text.rawText, encoding);
  yield encoded;
  if (encoding === 'utf-16le') yield Buffer.concat([Buffer.of(0xff, 0xfe), encoded]);
  if (encoding === 'utf-16be') yield Buffer.concat([Buffer.of(0xfe, 0xff), encoded]);
}

/** The stored text of the article with this uid, when it is the version with this hash (the first version: the uid). */
export function storedArticleText(db: Db, uid: string, hash: string = uid): ArticleText | undefined {
  const row = preparedStatement(
    db,
    `SELECT a.format, a.encoding, a.file_name, ${rawTextSql('a')} AS raw_text FROM article a
     WHERE a.uid = ? AND a.content_hash = ?`,
  )
    .pluck(false)
    .get(uid, hash) as
    { format: SourceFormat; encoding: string; file_name: string | null; raw_text: string | null } | undefined;
  if (!row || typeof row.raw_text !== 'string') return undefined;
  return { format: row.format, encoding: row.encoding, fileName: row.file_name, rawText: row.raw_text };
}

/** The text document names of every article's version held here. */
export function heldTextNames(db: Db): string[] {
  const rows = preparedStatement(db, 'SELECT uid, content_hash FROM article').pluck(false).all() as Array<{
    uid: string;
    content_hash: string;
  }>;
  return rows.map((r) => textDocName(r.uid, r.content_hash));
}

/** The hash of the text version of the article held here (its uid for the first), undefined when it is not here. */
export function heldVersion(db: Db, uid: string): string | undefined {
  const hash: unknown = preparedStatement(db, 'SELECT content_hash FROM article WHERE uid = ?').pluck(true).get(uid);
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Stores an article from another device's text as an import stores it (the same parse, so the
 * same paragraphs and metadata; its fingerprint and duplicate links), inside the caller's
 * transaction; returns its id. A text that is not its uid's is refused and nothing is written.
 */
export function storeArticleText(db: Db, uid: string, text: ArticleText, nowIso: string, hash: string = uid): number {
  const name = textDocName(uid, hash);
  if (!textMatchesUid(hash, text)) {
    throw new LibraryError(
      'invalid-argument',
      `The text sent for "${name}" does not hash to its name (SHA-256); it was refused and nothing changed.`,
      name,
    );
  }
  let parsed;
  try {
    parsed = parseSource(text.rawText, text.format, text.fileName);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    throw new LibraryError('invalid-argument', `The text sent for "${name}" cannot be read: ${error.message}`, name);
  }
  // As an import checks, before the new article's own fingerprint is stored.
  const duplicates = checkForDuplicate(db, parsed.paragraphs);
  const article = {
    contentHash: hash,
    fileName: text.fileName,
    format: text.format,
    encoding: text.encoding,
    rawText: text.rawText,
    parsed,
  };
  const articleId = insertArticle(db, article, nowIso);
  // A later version's text: the article is the one it is a version of (the insert named it by its hash).
  if (hash !== uid) preparedStatement(db, 'UPDATE article SET uid = ? WHERE id = ?').run(uid, articleId);
  // Another device kept both copies of a text: this one keeps them too, linked as duplicates.
  linkNewArticle(db, articleId, duplicates);
  return articleId;
}
