import path from 'node:path';
import { normalizeTagName } from '../annotations/tagNames';
import { readRegularFile } from '../files/readRegularFile';
import { LibraryError } from '../libraryError';
import {
  backupFormatName,
  backupSchema,
  backupVersion,
  readableBackupVersions,
  type Backup,
  type BackupArticle,
} from './backupFormat';

/**
 * Reads and checks a backup file completely before anything is written: JSON, format and
 * version, the shape (backupFormat.ts), then what a shape cannot say (paragraph numbering,
 * highlight offsets inside their paragraph, tag names, one article per content hash).
 * Every problem is a LibraryError naming the file and the place in it.
 */
export function readBackupFile(file: string): Backup {
  const bytes = readRegularFile(file, { maxBytes: maxBackupBytes, what: 'backup' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(file, 'it is not UTF-8 text');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse's own message quotes the text around the error: for a file that is not a
    // backup (a key, a password file) that would hand its contents out. Only the place is said.
    throw refuse(file, `it is not JSON (${jsonErrorPlace(text, error)})`);
  }
  return parseBackup(data, file);
}

/**
 * The largest backup read. A backup is about 4.5 times the text it holds (raw text, cleaned
 * paragraphs and each paragraph's raw, indented JSON: the five seeds' 46 KB make 208 KB), so the
 * 10,000-article library of the budgets (~50 MB imported) backs up to ~225 MB. 400 MiB leaves
 * room above that, stays under the longest string V8 can hold (2^29 UTF-16 units), and bounds
 * what parsing can take from the main process (a few times the file's size).
 */
export const maxBackupBytes = 400 * 1024 * 1024;

/** "line 3, column 7" from JSON.parse's position (Node reports it in its message), never the text. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    return /end of JSON/.test(message) ? 'it ends before the JSON does' : 'it holds a character JSON does not allow there';
  }
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `the error is at line ${line}, column ${column}`;
}

/** The checks of readBackupFile on already parsed JSON. */
export function parseBackup(data: unknown, file: string): Backup {
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (head.format !== backupFormatName)
    throw refuse(file, `it is not a Pizhu backup (no "format": "${backupFormatName}")`);
  if (typeof head.version === 'number' && head.version > backupVersion) {
    throw new LibraryError(
      'library-too-new',
      `"${path.basename(file)}" was written by a newer Pizhu (backup version ${head.version}; this version reads ${backupVersion}). Update Pizhu to import it; the library was not changed.`,
      file,
    );
  }
  if (!(readableBackupVersions as readonly unknown[]).includes(head.version))
    throw refuse(file, `its version ${JSON.stringify(head.version)} is not one Pizhu knows`);
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(file, `${where(issue?.path ?? [])}: ${issue?.message ?? 'not allowed'}`);
  }
  checkConsistency(parsed.data, file);
  return parsed.data;
}

function checkConsistency(backup: Backup, file: string): void {
  const hashes = new Set<string>();
  backup.tags.forEach((tag, i) => checkTagName(tag.name, ['tags', i, 'name'], file));
  backup.articles.forEach((article, a) => {
    if (hashes.has(article.contentHash)) {
      throw refuse(file, `${where(['articles', a, 'contentHash'])}: a second article with the same content hash`);
    }
    hashes.add(article.contentHash);
    article.paragraphs.forEach((paragraph, p) => {
      if (paragraph.order !== p)
        throw refuse(file, `${where(['articles', a, 'paragraphs', p, 'order'])}: expected ${p}`);
      paragraph.tags.forEach((tag, t) => checkTagName(tag, ['articles', a, 'paragraphs', p, 'tags', t], file));
    });
    article.highlights.forEach((highlight, h) => {
      const problem = highlightProblem(article, highlight);
      if (problem) throw refuse(file, `${where(['articles', a, 'highlights', h])}: ${problem}`);
      highlight.tags.forEach((tag, t) => checkTagName(tag, ['articles', a, 'highlights', h, 'tags', t], file));
    });
  });
}

function highlightProblem(article: BackupArticle, h: BackupArticle['highlights'][number]): string | null {
  if (h.paragraph === null) {
    return h.start === null && h.end === null ? null : 'an orphan (paragraph null) cannot have offsets';
  }
  const paragraph = article.paragraphs[h.paragraph];
  if (!paragraph) return `paragraph ${h.paragraph} does not exist`;
  if (h.start === null || h.end === null) return 'a placed highlight needs start and end';
  if (h.start > h.end || h.end > paragraph.text.length) {
    return `the range ${h.start}-${h.end} lies outside its paragraph (0-${paragraph.text.length})`;
  }
  if (splitsPair(paragraph.text, h.start) || splitsPair(paragraph.text, h.end)) {
    return `the range ${h.start}-${h.end} cuts a character in half`;
  }
  return null;
}

function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function checkTagName(tag: string, at: ReadonlyArray<string | number>, file: string): void {
  try {
    if (normalizeTagName(tag) !== tag) throw new LibraryError('invalid-argument', 'it has spaces around a level');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refuse(file, `${where(at)}: the tag name "${tag}" is not valid (${reason})`);
  }
}

/** `articles[3].paragraphs[2].kind`. */
function where(at: ReadonlyArray<PropertyKey>): string {
  return (
    at.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out === '' ? '' : '.'}${String(key)}`),
      '',
    ) || 'the top level'
  );
}

function refuse(file: string, reason: string): LibraryError {
  return new LibraryError(
    'unsupported-file',
    `"${path.basename(file)}" is not a usable Pizhu backup: ${reason}. The library was not changed.`,
    file,
  );
}
