import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConverter } from '../../preload/common/createConverter';
import { isScriptMode, scriptModes, type ScriptMode } from '../../preload/common/scriptModes';
import type { ArticleView, DetectedScript } from '../../preload/contract/articleTypes';
import { createLibrary, type Library } from '../library/createLibrary';
import { defaultLibraryPath } from '../library/defaultLibraryPath';
import { detectScript } from '../library/import/detectScript';
import { LibraryError, storageError } from '../library/libraryError';
import type { RecleanReport } from '../library/reclean/recleanArticle';
import { restoreBackup } from '../library/store/restoreBackup';

const usage = `Usage: pizhu <command> [options]

Commands:
  import PATH...        import files and folders (recursive)
  list                  list the articles
  show ID [--script MODE]
                        one article's metadata and paragraphs (kind, flags, text)
  stats                 counts of articles, paragraphs, highlights, tags, notes
  reclean ID            run the cleaner again; highlights re-anchored, orphans reported
  reimport ID FILE      replace an article's text with an edited file, re-anchoring its annotations
  backup                write a backup of the library now
  restore FILE          put a backup in place of the library (the current one is backed up first)
  convert --to MODE [--from MODE]
                        convert stdin to stdout, the reader's very conversion

Script modes: ${scriptModes.join(', ')}

Options:
  --db FILE             the library file (default: the app's, ${defaultLibraryPath()})
  --json                machine-readable output
  -h, --help            this help`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  readStdin: () => Promise<string>;
}

type Values = { db?: string; json?: boolean; help?: boolean; script?: string; to?: string; from?: string };

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        script: { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`pizhu: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const values: Values = parsed.values;
  const [command, ...rest] = parsed.positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(usage);
    return values.help ? 0 : 2;
  }
  let library: Library | undefined;
  try {
    const dbPath = values.db ?? defaultLibraryPath();
    // These two never open the library: convert needs none, restore must replace it closed.
    if (command === 'convert') return await convert(values, io);
    if (command === 'restore') return await restore(dbPath, rest, values, io);
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    library = await createLibrary({ dbPath });
    return await run(library, rest, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pizhu: ${error.message}\n${usage}`);
      return 2;
    }
    const known = error instanceof LibraryError ? error : storageError(error);
    if (known) {
      io.err(`pizhu: ${known.message}`);
      return 1;
    }
    throw error;
  } finally {
    library?.close();
  }
}

type Command = (library: Library, args: string[], values: Values, io: Io) => Promise<number> | number;

const commands: Record<string, Command> = {
  import(library, args, values, io) {
    if (args.length === 0) throw new UsageError('import needs at least one file or folder');
    const progress = io.isTty && !values.json;
    const outcomes = library.importPaths(args, (done, total) => {
      if (progress) io.err(`\rimporting ${done}/${total}`);
    });
    if (progress) io.err('\n');
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    const summary = { imported: count('imported'), skipped: count('already-imported'), failed: count('failed') };
    if (values.json) io.out(JSON.stringify({ summary, outcomes }, null, 2));
    else {
      for (const o of outcomes) if (o.status !== 'imported') io.out(`${o.status}: ${o.fileName}: ${o.message ?? ''}`);
      io.out(`${summary.imported} imported, ${summary.skipped} skipped (already in the library), ${summary.failed} failed`);
    }
    return summary.failed > 0 ? 1 : 0;
  },

  list(library, _args, values, io) {
    const articles = library.listArticles();
    if (values.json) io.out(JSON.stringify(articles, null, 2));
    else for (const a of articles) io.out(`${a.id}\t${a.publishedAt ?? '----------'}\t${a.source ?? ''}\t${a.title}`);
    return 0;
  },

  show(library, args, values, io) {
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('show needs an article id');
    const mode = scriptModeOption(values.script, 'script') ?? 'original';
    const article = inScript(library.getArticle(id), mode);
    if (values.json) {
      io.out(JSON.stringify(article, null, 2));
      return 0;
    }
    const m = article.metadata;
    io.out(`# ${m.title}${m.titleInferred ? ' (inferred)' : ''}`);
    for (const [k, v] of Object.entries({ source: m.source, author: m.author, date: m.publishedAt, url: m.url })) {
      if (v) io.out(`${k}: ${v}`);
    }
    for (const p of article.paragraphs) {
      const flags = p.flags.length > 0 ? ` [${p.flags.join(', ')}]` : '';
      io.out(`\n[${p.order} ${p.kind}${flags}] ${p.text}`);
    }
    return 0;
  },

  stats(library, _args, values, io) {
    const db = library.database();
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const stats = {
      articles: count('article'),
      paragraphs: count('paragraph'),
      highlights: count('highlight'),
      tags: count('tag'),
      notes: count('note'),
    };
    if (values.json) io.out(JSON.stringify(stats, null, 2));
    else for (const [k, v] of Object.entries(stats)) io.out(`${k}: ${v}`);
    return 0;
  },

  reclean(library, args, values, io) {
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('reclean needs an article id');
    printReclean(library.recleanArticle(id), values, io);
    return 0;
  },

  reimport(library, args, values, io) {
    const id = Number(args[0]);
    const file = args[1];
    if (!Number.isInteger(id) || id <= 0 || !file) throw new UsageError('reimport needs an article id and a file');
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new LibraryError('io-failed', `"${file}" could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    printReclean(library.reimportArticle(id, bytes, path.basename(file)), values, io);
    return 0;
  },

  async backup(library, _args, values, io) {
    const file = await library.backup('manual');
    io.out(values.json ? JSON.stringify(file, null, 2) : `backup written: ${file.path}`);
    return 0;
  },
};

function printReclean(report: RecleanReport, values: Values, io: Io): void {
  if (values.json) return io.out(JSON.stringify(report, null, 2));
  const { position, quote, fuzzy } = report.placed;
  io.out(`${report.paragraphs} paragraphs; highlights placed: ${position} in place, ${quote} by quote, ${fuzzy} by fuzzy quote`);
  if (report.movedParagraphAnnotations > 0) {
    io.out(`${report.movedParagraphAnnotations} paragraph notes/tags moved to the most similar paragraph`);
  }
  for (const orphan of report.orphans) io.out(`orphan highlight ${orphan.id}: “${orphan.quote}” (kept; re-attach it in the reader)`);
}

function scriptModeOption(value: string | undefined, name: string): ScriptMode | undefined {
  if (value === undefined) return undefined;
  if (!isScriptMode(value)) throw new UsageError(`--${name} must be one of ${scriptModes.join(', ')}`);
  return value;
}

/** The article's reading text in another script; canonical text and raw stay as stored. */
function inScript(article: ArticleView, mode: ScriptMode): ArticleView & { scriptMode: ScriptMode } {
  if (mode === 'original') return { ...article, scriptMode: mode };
  const converter = createConverter(article.script, mode);
  return {
    ...article,
    scriptMode: mode,
    metadata: { ...article.metadata, title: converter.convert(article.metadata.title).text },
    paragraphs: article.paragraphs.map((p) => ({ ...p, displayText: converter.convert(p.text).text })),
  };
}

function scriptOfMode(mode: ScriptMode): DetectedScript {
  return mode === 'cn' ? 'simplified' : mode === 'original' ? 'unknown' : 'traditional';
}

async function convert(values: Values, io: Io): Promise<number> {
  const to = scriptModeOption(values.to, 'to');
  if (!to) throw new UsageError('convert needs --to MODE');
  const fromMode = scriptModeOption(values.from, 'from');
  const input = await io.readStdin();
  const from = fromMode ? scriptOfMode(fromMode) : detectScript(input.split('\n'));
  const { text } = createConverter(from, to).convert(input);
  io.out(values.json ? JSON.stringify({ from, to, text }) : text.replace(/\n$/, ''));
  return 0;
}

async function restore(dbPath: string, args: string[], values: Values, io: Io): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError('restore needs a backup file');
  const backupDir = path.join(path.dirname(dbPath), 'backups');
  const safety = await restoreBackup(dbPath, path.resolve(file), backupDir);
  const result = { restored: path.resolve(file), library: dbPath, previousSavedAs: safety?.path ?? null };
  io.out(
    values.json
      ? JSON.stringify(result, null, 2)
      : `restored ${result.restored} into ${dbPath}` +
          (safety ? `\nthe library it replaced was saved as ${safety.path}` : ''),
  );
  return 0;
}

/** Entry for bin/pizhu.cjs: real stdio and exit code. */
export function runFromProcess(): void {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t),
    isTty: process.stderr.isTTY,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
