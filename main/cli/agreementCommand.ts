import fs from 'node:fs';
import path from 'node:path';
import type { AgreementFigures, AgreementLevel } from '../library/analysis/agreement/agreementTypes';
import { computeAgreement } from '../library/analysis/agreement/computeAgreement';
import { readLibrariesAgreement } from '../library/analysis/agreement/readLibrariesAgreement';
import { createLibrary, type Library } from '../library/createLibrary';
import { LibraryError } from '../library/libraryError';
import { codingQuery } from '../library/matrices/readCodings';
import { membersNamed } from '../library/team/members';
import { articleIdsOption, UsageError } from './cliOptions';

export interface AgreementOptions {
  with?: string[];
  coders?: string;
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
  if (files.length > 0 && options.coders !== undefined) throw new UsageError('agreement takes --with FILE or --coders A,B, not both');
  if (files.length === 0 && options.coders === undefined) {
    throw new UsageError('agreement needs --coders A,B (members of this library) or --with FILE (another coder\'s library holding the same articles)');
  }
  const db = library.database();
  const articleIds = options.article === undefined ? allArticles(library) : articleIdsOption(options.article);
  const tags = options.tag === undefined ? undefined : codingQuery(db, options.tag).tags;
  const tagNames = tags?.map((t) => t.name);
  if (options.coders !== undefined) {
    return teamLines(library, options.coders, { level, articleIds, tagIds: tags?.map((t) => t.id), json: options.json ?? false });
  }

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

    const lines = figureLines(report.coders.map(String), input.articles.length, level, report.perCode.map((c) => ({ ...c, name: String(c.code) })), report.overall);
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

/** The table every form of the command prints first: who, on what, each unit stated; a row per code and one for all. */
function figureLines(coders: readonly string[], articles: number, level: AgreementLevel, perCode: ReadonlyArray<Figures & { name: string }>, overall: Figures): string[] {
  const unit = level === 'character' ? 'character (UTF-16 unit) once per code' : 'paragraph once per code';
  return [
    `Agreement of ${coders.join(', ')} on ${count(articles, 'article')}, each ${unit}`,
    ['code', 'units', 'agreement', "Cohen's κ", "Krippendorff's α"].join('\t'),
    ...perCode.map((c) => figureRow(c.name, c)),
    figureRow('all codes', overall),
  ];
}

/** `--coders A,B`: members of this one library, by name or uid (team/members), each coding its giver's. */
function teamLines(
  library: Library,
  coderList: string,
  selection: { level: AgreementLevel; articleIds: number[]; tagIds: number[] | undefined; json: boolean },
): string[] {
  const names = coderList.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length < 2) throw new UsageError('--coders names at least two members, separated by commas');
  const members = membersNamed(library.database(), names);
  const tagIds = selection.tagIds;
  const report = library.team.agreement({
    coders: members.map((m) => m.uid),
    articleIds: selection.articleIds,
    level: selection.level,
    ...(tagIds === undefined ? {} : { tagIds }),
  });
  const nameOf = new Map(members.map((m) => [m.uid, m.name]));
  const named = (uids: readonly string[]) => uids.map((u) => nameOf.get(u) ?? u);
  if (selection.json) {
    return [JSON.stringify({ ...report, members: members.map((m) => ({ uid: m.uid, name: m.name })) }, null, 2)];
  }
  const lines = figureLines(named(report.coders), report.articles, report.level, report.perCode.map((c) => ({ ...c, name: c.tag })), report.overall);
  if (report.coders.length > 2) lines.push("Cohen's κ compares two coders: it is shown for two members at a time.");
  lines.push(report.disagreements.length === 0 ? 'The coders differ nowhere.' : `Where the coders differ (${report.disagreements.length} passages):`);
  const ordOf = library.database().prepare('SELECT ord FROM paragraph WHERE id = ?').pluck();
  for (const p of report.disagreements) {
    lines.push(`${p.title} [${String(ordOf.get(p.paragraphId))}] ${p.start}-${p.end}\t${p.tag}\t「${shortQuote(p.text)}」\tcoded by ${named(p.codedBy).join(', ')}; not by ${named(p.notCodedBy).join(', ')}`);
  }
  return lines;
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

type Figures = Pick<AgreementFigures, 'units' | 'percentAgreement' | 'cohensKappa' | 'krippendorffAlpha'>;

function figureRow(name: string, f: Figures): string {
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
