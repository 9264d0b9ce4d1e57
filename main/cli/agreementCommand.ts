import fs from 'node:fs';
import path from 'node:path';
import type { AgreementFigures, AgreementLevel } from '../library/analysis/agreement/agreementTypes';
import { computeAgreement } from '../library/analysis/agreement/computeAgreement';
import { readLibrariesAgreement } from '../library/analysis/agreement/readLibrariesAgreement';
import { createLibrary, type Library } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import { codingQuery } from '../library/matrices/readCodings';
import { articleIdsOption, UsageError } from './cliOptions';

export interface AgreementOptions {
  with?: string[];
  article?: string;
  tag?: string;
  level?: string;
  json?: boolean;
}

/**
 * `pizhu agreement --with FILE... [--article IDS] [--tag T] [--level character|paragraph] [--json]`:
 * inter-coder agreement between this library and other coders' copies of it (each library one
 * coder), per code and over all codes, and every passage where the coders differ.
 */
export async function runAgreement(library: Library, dbPath: string, args: readonly string[], options: AgreementOptions): Promise<string[]> {
  if (args.length > 0) throw new UsageError('agreement takes no arguments, only options');
  const level = levelOption(options.level);
  const files = options.with ?? [];
  if (files.length === 0) throw new UsageError('agreement needs --with FILE: another coder\'s library holding the same articles');
  const db = library.database();
  const articleIds = options.article === undefined ? allArticles(library) : articleIdsOption(options.article);
  const tagNames = options.tag === undefined ? undefined : codingQuery(db, options.tag).tags.map((t) => t.name);

  const paths = [dbPath, ...files].map((f) => path.resolve(f));
  checkOtherFiles(paths);
  const names = coderNames(paths);
  const others: Library[] = [];
  try {
    for (const file of paths.slice(1)) others.push(await openOther(file));
    const { input, paragraphIds } = readLibrariesAgreement(
      [library, ...others].map((l, i) => ({ coder: names[i]!, db: l.database() })),
      tagNames === undefined ? { level, articleIds } : { level, articleIds, tagNames },
    );
    const report = computeAgreement(input);
    const paragraphRow = db.prepare('SELECT ord, text FROM paragraph WHERE id = ?');
    const titleRow = db.prepare('SELECT title FROM article WHERE id = ?');
    const passages = report.disagreements.map((d) => {
      const paragraphId = paragraphIds.get(d.article as number)![d.paragraph]!;
      const { ord, text } = paragraphRow.get(paragraphId) as { ord: number; text: string };
      const { title } = titleRow.get(d.article) as { title: string };
      return { ...d, title, paragraphId, paragraphOrder: ord, text: text.slice(d.start, d.end) };
    });
    if (options.json) return [JSON.stringify({ ...report, articles: input.articles.map((a) => ({ id: a.id, coders: a.coders })), disagreements: passages }, null, 2)];

    const unit = level === 'character' ? 'character (UTF-16 unit) once per code' : 'paragraph once per code';
    const lines = [
      `Agreement of ${report.coders.join(', ')} on ${count(input.articles.length, 'article')}, each ${unit}`,
      ['code', 'units', 'agreement', "Cohen's κ", "Krippendorff's α"].join('\t'),
      ...report.perCode.map((c) => figureRow(String(c.code), c)),
      figureRow('all codes', report.overall),
    ];
    const missing = input.articles.filter((a) => (a.coders?.length ?? report.coders.length) < report.coders.length);
    if (missing.length > 0) lines.push(`${count(missing.length, 'article')} not in every library: each compared among the libraries that hold it.`);
    if (report.coders.length > 2) lines.push("Cohen's κ compares two coders: --json gives it for each pair.");
    lines.push(passages.length === 0 ? 'The coders differ nowhere.' : `Where the coders differ (${passages.length} passages):`);
    for (const p of passages) {
      lines.push(`${p.title} [${p.paragraphOrder}] ${p.start}-${p.end}\t${String(p.code)}\t「${shortQuote(p.text)}」\tcoded by ${p.codedBy.join(', ')}; not by ${p.notCodedBy.join(', ')}`);
    }
    return lines;
  } finally {
    for (const other of others) other.close();
  }
}

/**
 * Each --with names a library file that is none of the others: a regular file, since opening a
 * FIFO waits for a writer forever and a folder would be reported as a damaged library; and not
 * one already given under another name (a symlink or hard link), which would compare a coder
 * with themselves.
 */
function checkOtherFiles(paths: readonly string[]): void {
  const seen = [{ file: paths[0]!, stat: fs.statSync(paths[0]!) }];
  for (const file of paths.slice(1)) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`--with ${file}: there is no library file there`);
    if (!stat.isFile()) throw new UsageError(`--with ${file}: ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a library file`);
    const same = seen.find((s) => s.stat.dev === stat.dev && s.stat.ino === stat.ino);
    if (same) throw new UsageError(same.file === file ? `${file} is given twice: each library is one coder` : `${file} is ${same.file} under another name: each library is one coder`);
    seen.push({ file, stat });
  }
}

/** Another coder's library, read-only; a refusal names the file, as the message alone would read as this library's. */
async function openOther(file: string): Promise<Library> {
  try {
    return await createLibrary({ dbPath: file, readOnly: true });
  } catch (error) {
    if (error instanceof LibraryError) throw new LibraryError(error.code, `${file}: ${error.message}`, error.detail);
    throw error;
  }
}

/** A passage's first 40 characters (whole characters, not UTF-16 halves), so a list of them can be scanned; --json has it whole. */
function shortQuote(text: string): string {
  const characters = [...text];
  return characters.length <= 40 ? text : `${characters.slice(0, 40).join('')}…`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function figureRow(name: string, f: AgreementFigures): string {
  const share = f.percentAgreement === null ? '—' : `${(f.percentAgreement * 100).toFixed(1)}%`;
  const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  return [name, String(f.units), share, ratio(f.cohensKappa), ratio(f.krippendorffAlpha)].join('\t');
}

/** Each library by its file name; by its whole path when two share a name. */
function coderNames(paths: readonly string[]): string[] {
  const base = paths.map((p) => path.basename(p).replace(/\.sqlite$/i, ''));
  return base.some((b, i) => base.indexOf(b) !== i) ? [...paths] : base;
}

function levelOption(value: string | undefined): AgreementLevel {
  if (value === undefined || value === 'character' || value === 'char') return 'character';
  if (value === 'paragraph') return 'paragraph';
  throw new UsageError('--level must be character or paragraph');
}

function allArticles(library: Library): number[] {
  return (library.database().prepare('SELECT id FROM article WHERE trashed_at IS NULL ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
}
