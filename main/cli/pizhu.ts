import { parseArgs } from 'node:util';
import { createLibrary, type Library } from '../library/createLibrary';
import { defaultLibraryPath } from '../library/defaultLibraryPath';
import { LibraryError } from '../library/libraryError';

const usage = `Usage: pizhu <command> [options]

Commands:
  import PATH...        import files and folders (recursive)
  list                  list the articles
  show ID               show one article's metadata and paragraphs
  stats                 counts of articles, paragraphs, highlights, notes
  backup                write a backup of the library now

Options:
  --db FILE             the library file (default: the app's, ${defaultLibraryPath()})
  --json                machine-readable output
  -h, --help            this help`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

type Values = { db?: string; json?: boolean; help?: boolean };

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
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
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    library = await createLibrary({ dbPath: values.db ?? defaultLibraryPath() });
    return await run(library, rest, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pizhu: ${error.message}\n${usage}`);
      return 2;
    }
    if (error instanceof LibraryError) {
      io.err(`pizhu: ${error.message}`);
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
    const article = library.getArticle(id);
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

  async backup(library, _args, values, io) {
    const file = await library.backup('manual');
    io.out(values.json ? JSON.stringify(file, null, 2) : `backup written: ${file.path}`);
    return 0;
  },
};

/** Entry for bin/pizhu.cjs: real stdio and exit code. */
export function runFromProcess(): void {
  runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t),
    isTty: process.stderr.isTTY,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
