import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createConverter } from '../../preload/common/createConverter';
import { isSourceRegion, sourceRegions, type SourceRegion } from '../../preload/common/conversionTable';
import { detectRegion } from '../library/import/detectRegion';
import { scriptModes, type ScriptMode } from '../../preload/common/scriptModes';
import type { SearchHit } from '../../preload/contract/api';
import type { ArticleView, DetectedScript, ParagraphView } from '../../preload/contract/articleTypes';
import type { TermOverride } from '../../preload/contract/termOverrideTypes';
import { createLibrary, type Library } from '../library/createLibrary';
import { defaultLibraryPath } from '../library/defaultLibraryPath';
import { readRegularFile } from '../library/files/readRegularFile';
import { keptFilesMessage, mergedFilesMessage } from '../library/export/keptFilesMessage';
import { detectScript } from '../library/import/detectScript';
import { maxImportBytes } from '../library/import/importLimits';
import { LibraryError, storageError } from '../library/libraryError';
import type { RecleanReport } from '../library/reclean/recleanArticle';
import { markSnippet } from '../library/search/markSnippet';
import { withLibraryLock } from '../library/store/libraryLock';
import { restoreBackup } from '../library/store/restoreBackup';
import { articleIdOption, scriptModeOption, UsageError } from './cliOptions';
import { formatDuplicateGroups, formatImportLinks } from './duplicatesCommand';
import { damageWarning, runVerify } from './verifyCommand';
import { runOverrides } from './overridesCommand';
import { runAttributes } from './attributesCommand';
import { runMatrix } from './matrixCommand';
import { runAgreement } from './agreementCommand';
import { runLookup } from './lookupCommand';
import { runImportQdpx, runRefiQdaExport } from './refiQdaCommand';
import { runVocab } from './vocabCommand';
import { runFreq, runKeyness, runKwic, runStopWords } from './wordsCommand';
import { runMembers, runPurge, runServe, runSync } from './syncCommand';

const usage = `Usage: pizhu <command> [options]

Commands:
  import PATH... [--keep-duplicates]
                        import files and folders (recursive); a file whose text is already in the
                        library (in any encoding or script) is skipped unless --keep-duplicates
  list [--trash]        list the articles (archived ones marked), or those in the trash
  show ID [--script MODE]
                        one article's metadata and paragraphs (kind, flags, text); with --script,
                        the whole article converted as the reader shows it, for its source region
  stats                 counts of articles, paragraphs, highlights, tags, notes
  reclean ID            run the cleaner again; highlights re-anchored, orphans reported
  reimport ID FILE      replace an article's text with an edited file, re-anchoring its annotations
  trash ID              move an article to the trash (its annotations kept; out of search and exports)
  restore-article ID    take an article out of the trash
  archive ID            archive an article (out of the app's default list, still searched)
  unarchive ID          put an archived article back in the default list
  empty-trash --yes     delete the articles in the trash and their annotations for good
  backup                write a backup of the library now
  restore FILE          put a backup in place of the library (the current one is backed up first)
  verify                check the library file and every article's and note's checksum, read-only;
                        names what is damaged and the newest backup that holds it intact (exit 1)
  convert --to MODE [--from MODE] [--region mainland|taiwan|hongkong|generic]
                        convert stdin to stdout, the reader's very conversion (the source region
                        detected from the text unless given)
  export --format md --out DIR [--article ID | --tag T] [--script MODE] [--highlights-only | --full-text]
                        Markdown for Obsidian: one article, one tag's passages, or the
                        whole library (one file per article and index.md); --full-text: every
                        body paragraph, with the annotations. What you wrote in an exported file
                        since is kept
  export --format json --out FILE
                        the whole library as a JSON backup (docs/backup-format.md)
  export --format w3c --out FILE
                        every highlight as a W3C Web Annotation collection
  export --format qdpx|qdc --out FILE [--crlf] [--atlas]
                        a REFI-QDA project (ATLAS.ti, MAXQDA, NVivo, QualCoder) or its codebook;
                        --crlf: CRLF line endings in sources (MAXQDA); --atlas: ATLAS.ti's file naming
  import-backup FILE    merge a JSON backup into the library (no duplicates; all or nothing)
  import-qdpx FILE      a REFI-QDA project (.qdpx, .qde, a project folder) or codebook (.qdc):
                        sources as articles, codes as tags, selections as highlights (all or nothing)
  search QUERY [--tag T] [--article ID] [--include-hidden] [--limit N]
                        full-text search, script-insensitive (晋江 finds 晉江), in text and notes;
                        terms separated by spaces must all match, "quoted phrases" stay whole
  duplicates            groups of articles with the same text or reposting the same story, with how
                        alike they are (shingles of the folded text; 50% alike or more)
  autocode QUERY --tag T [--span] [--within TAG] [--article ID] [--include-hidden]
                        tag every paragraph that matches (--span: highlight every match with
                        the tag instead); one undoable step
  overrides list | import FILE | export FILE
                        the library's own conversions (a stored word shown as another in the
                        modes named), as a CSV term list: source,target,modes (modes space-separated);
                        import reports each line it skipped and why, and is one undoable step
  attributes list | import FILE.csv
                        article attributes with their values and counts; import sets them from a
                        CSV whose first heading is file or url, then one column per attribute,
                        reporting each line it skipped and why (one undoable step)
  matrix cooccurrence [--scope highlight|paragraph | --within N] [--tag T] [--paragraphs] [--csv | --out FILE]
  matrix article | attribute --attribute NAME [--tag T] [--paragraphs] [--csv | --out FILE]
                        codes against codes (on one highlight, in one paragraph, within N paragraphs),
                        articles or an attribute's values: highlight counts (--paragraphs: paragraph
                        counts); --tag: that tag's subtree; --out FILE.csv or FILE.xlsx (both counts)
  agreement --with FILE... [--article IDS] [--tag T] [--level character|paragraph]
                        inter-coder agreement between this library and other coders' copies of the
                        same articles (one coder per library; codes matched by name): per code and
                        overall, percent agreement, Cohen's κ (two coders) and Krippendorff's α, each
                        character (default) or paragraph a unit; then every passage where they differ
  agreement --coders A,B... [--article IDS] [--tag T] [--level character|paragraph]
                        the same between members of this one (shared) library, each coding counted
                        for the member who gave the code; members by name or uid
  lookup TEXT [--all]   the longest dictionary word (CC-CEDICT) at the start of TEXT, in any script,
                        with pinyin, zhuyin, senses and regional forms; --all: every word of TEXT
  vocab list [--article ID] [--tag T]
                        the vocabulary saved from the app's dictionary, newest first
  vocab export --format csv|anki --out FILE [--article ID] [--tag T]
                        the vocabulary as CSV (RFC 4180, a header) or a file Anki imports (word,
                        reading, meaning, the sentence with the word in bold, a link to the source)
  freq [--tag T] [--article IDS] [--attribute NAME=VALUE] [--ngram N] [--limit K] [--script MODE] [--include-hidden] [--keep-stop-words]
                        word frequencies (the dictionary's segmentation; --ngram 1-4: character
                        n-grams), 晋江 and 晉江 counted once, stop words and hidden lines left out;
                        occurrences and articles, most frequent first (50 unless --limit, --json, --csv)
  kwic WORD [--tag T] [--article IDS] [--attribute NAME=VALUE] [--context N] [--sort left|right] [--include-hidden]
                        every occurrence of WORD in either script with N characters each side (20),
                        its article and paragraph
  keyness --tag T | --article IDS | --attribute NAME=VALUE [--ngram N] [--limit K]
                        what a subset says more or less than the rest of the library: log-likelihood
                        (G2) and %DIFF, strongest first
  stopwords list | set WORD... | reset
                        the stop words freq and keyness leave out (set and reset: one undoable step)

  serve --port P --data DIR [--host H]
                        run a sync server for a group or several computers on DIR's database, on
                        127.0.0.1 unless --host (put TLS in front with a reverse proxy); prints its
                        address; SIGINT or SIGTERM stops it after storing every document (the
                        same as npx pizhu-sync-server)
  members add NAME [--read-only] --data DIR
                        add a member to the server's database and print their token (shown once);
                        a read-only member receives changes and the server refuses theirs
  sync --server URL --token T | --folder DIR
                        sync this library once, until nothing is left to send or receive: with a
                        sync server, or through a sync folder (Syncthing, Nextcloud, 坚果云, Dropbox)
                        where each device writes only its own files; exit 1 with the reason when the
                        server is unreachable, refuses the token, or is of another Pizhu version
                        (the reason says which to update)
  purge [status]        take this device's deleted highlights out of the sync data once every device
                        of the library has seen the delete (none edited it meanwhile); status: only
                        say how many could go; both name the devices that hold the rest back

Script modes: ${scriptModes.join(', ')}

Options:
  --db FILE             the library file (default: the app's, ${defaultLibraryPath()})
  --json                machine-readable output
  --csv                 freq, kwic, keyness: CSV (RFC 4180) on stdout
  -h, --help            this help`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTty: boolean;
  readStdin: () => Promise<string>;
}

type Values = {
  db?: string;
  json?: boolean;
  help?: boolean;
  script?: string;
  to?: string;
  from?: string;
  region?: string;
  format?: string;
  out?: string;
  article?: string;
  tag?: string;
  within?: string;
  'highlights-only'?: boolean;
  'full-text'?: boolean;
  span?: boolean;
  'include-hidden'?: boolean;
  limit?: string;
  trash?: boolean;
  yes?: boolean;
  'keep-duplicates'?: boolean;
  all?: boolean;
  ngram?: string;
  csv?: boolean;
  context?: string;
  sort?: string;
  'keep-stop-words'?: boolean;
  scope?: string;
  attribute?: string;
  paragraphs?: boolean;
  with?: string[];
  coders?: string;
  level?: string;
  port?: string;
  host?: string;
  data?: string;
  'read-only'?: boolean;
  server?: string;
  token?: string;
  folder?: string;
};

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
        region: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        article: { type: 'string' },
        tag: { type: 'string' },
        within: { type: 'string' },
        'highlights-only': { type: 'boolean' },
        'full-text': { type: 'boolean' },
        span: { type: 'boolean' },
        'include-hidden': { type: 'boolean' },
        limit: { type: 'string' },
        trash: { type: 'boolean' },
        yes: { type: 'boolean' },
        'keep-duplicates': { type: 'boolean' },
        all: { type: 'boolean' },
        ngram: { type: 'string' },
        csv: { type: 'boolean' },
        context: { type: 'string' },
        sort: { type: 'string' },
        'keep-stop-words': { type: 'boolean' },
        crlf: { type: 'boolean' },
        scope: { type: 'string' },
        attribute: { type: 'string' },
        paragraphs: { type: 'boolean' },
        with: { type: 'string', multiple: true },
        coders: { type: 'string' },
        level: { type: 'string' },
        atlas: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'read-only': { type: 'boolean' },
        server: { type: 'string' },
        token: { type: 'string' },
        folder: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`pizhu: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return 2;
  }
  const values: Values = parsed.values;
  const [command, ...rest] = parsed.positionals;
  if (values.help || !command) {
    if (values.help) io.out(usage);
    else io.err(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  let library: Library | undefined;
  try {
    const dbPath = values.db ?? defaultLibraryPath();
    // These never open the library: convert and lookup need none, restore must replace it closed.
    if (command === 'convert') return await convert(values, io);
    if (command === 'lookup') {
      if (rest.length === 0) throw new UsageError('lookup needs TEXT');
      return runLookup(rest.join(' '), { json: values.json ?? false, all: values.all ?? false }, io);
    }
    if (command === 'restore') return await restore(dbPath, rest, values, io);
    // The sync server's own database, not a library.
    if (command === 'serve') return await runServe(values, io, stopSignal());
    if (command === 'members') return runMembers(rest, values, io);
    // Read-only and without openDatabase's refusal of a damaged file: naming the damage is its job.
    if (command === 'verify') return runVerify(dbPath, values.json ?? false, io);
    const run = commands[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    // Readers open read-only, without the lock, so they work while the app has the library open;
    // writers take the lock and are refused while it does.
    library = await createLibrary({
      dbPath,
      startParseWorker: builtParseWorker(),
      startExportWorker: builtExportWorker(),
      readOnly:
        readOnlyCommands.has(command) ||
        (command === 'overrides' && rest[0] !== 'import') ||
        (command === 'attributes' && rest[0] === 'list') ||
        (command === 'stopwords' && rest[0] === 'list'),
    });
    if (library.damage && !library.damage.ok) io.err(damageWarning(library.damage));
    return await run(library, rest, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pizhu: ${error.message}\n${usage}\n`);
      return 2;
    }
    const known = error instanceof LibraryError ? error : storageError(error);
    if (known) {
      io.err(`pizhu: ${known.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    library?.close();
  }
}

function printLines(lines: readonly string[], io: Io): number {
  for (const line of lines) io.out(line);
  return 0;
}

/** The one argument of a command on an article: its id. */
function articleIdArgument(args: readonly string[], command: string): number {
  const id = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError(`${command} needs one article id`);
  return id;
}

/** The import's parse worker, built beside this file; run from source (tests), the CLI parses on its own thread. */
function builtParseWorker(): ((resourceLimits: ResourceLimits) => Worker) | undefined {
  const entry = path.join(__dirname, 'parseWorkerEntry.js');
  return fs.existsSync(entry) ? (resourceLimits) => new Worker(entry, { resourceLimits }) : undefined;
}

/** The Markdown export's worker, built beside this file; run from source (tests), the CLI writes on its own thread. */
function builtExportWorker(): (() => Worker) | undefined {
  const entry = path.join(__dirname, 'exportWorkerEntry.js');
  return fs.existsSync(entry) ? () => new Worker(entry) : undefined;
}

/** Resolves on the first SIGINT or SIGTERM, which then no longer end the process at once. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const readOnlyCommands = new Set(['list', 'show', 'stats', 'search', 'export', 'duplicates', 'vocab', 'freq', 'kwic', 'keyness', 'matrix', 'agreement']);

type Command = (library: Library, args: string[], values: Values, io: Io) => Promise<number> | number;

const commands: Record<string, Command> = {
  async import(library, args, values, io) {
    if (args.length === 0) throw new UsageError('import needs at least one file or folder');
    const progress = io.isTty && !values.json;
    const outcomes = await library.importPaths(
      args,
      (done, total) => {
        if (progress) io.err(`\rimporting ${done}/${total}`);
      },
      values['keep-duplicates'] ? 'keep' : 'skip',
    );
    if (progress) io.err('\n');
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
    const summary = {
      imported: count('imported'),
      skipped: count('already-imported'),
      duplicates: count('duplicate'),
      // Files of a kind Pizhu does not import (a folder's pictures): listed, but the import did not fail.
      notImportable: count('skipped'),
      failed: count('failed'),
    };
    if (values.json) io.out(JSON.stringify({ summary, outcomes }, null, 2));
    else {
      for (const o of outcomes) {
        if (o.status !== 'imported') io.out(`${o.status}: ${o.fileName}: ${o.message ?? ''}`);
        for (const line of formatImportLinks(o)) io.out(line);
      }
      const duplicates =
        summary.duplicates > 0 ? `, ${summary.duplicates} not imported (the same text as an article in it)` : '';
      const otherKinds =
        summary.notImportable > 0 ? `, ${summary.notImportable} skipped (not a kind of file Pizhu imports)` : '';
      io.out(
        `${summary.imported} imported, ${summary.skipped} skipped (already in the library)${duplicates}${otherKinds}, ${summary.failed} failed`,
      );
    }
    return summary.failed > 0 ? 1 : 0;
  },

  sync(library, args, values, io) {
    return runSync(library.sync, library.path, args, values, io);
  },

  purge(library, args, values, io) {
    return runPurge(library.sync, args, values, io);
  },

  vocab(library, args, values, io) {
    return printLines(runVocab(library, args, { ...values, json: values.json ?? false }), io);
  },

  async freq(library, args, values, io) {
    return printLines(await runFreq(library, args, values, io), io);
  },

  kwic(library, args, values, io) {
    return printLines(runKwic(library, args, values), io);
  },

  async keyness(library, args, values, io) {
    return printLines(await runKeyness(library, args, values, io), io);
  },

  stopwords(library, args, values, io) {
    return printLines(runStopWords(library, args, values), io);
  },

  duplicates(library, args, values, io) {
    if (args.length > 0) throw new UsageError('duplicates takes no arguments');
    const groups = library.listDuplicates();
    if (values.json) io.out(JSON.stringify(groups, null, 2));
    else for (const line of formatDuplicateGroups(groups)) io.out(line);
    return 0;
  },

  list(library, _args, values, io) {
    const articles = values.trash ? library.listTrash() : library.listArticles();
    if (values.json) io.out(JSON.stringify(articles, null, 2));
    else {
      for (const a of articles) {
        const mark = a.archivedAt === null ? '' : '\t[archived]';
        io.out(`${a.id}\t${a.publishedAt ?? '----------'}\t${a.source ?? ''}\t${a.title}${mark}`);
      }
    }
    return 0;
  },

  trash(library, args, _values, io) {
    const id = articleIdArgument(args, 'trash');
    const title = library.trashArticle(id);
    io.out(`"${title}" is in the trash, with its annotations; pizhu restore-article ${id} takes it out.`);
    return 0;
  },

  'restore-article'(library, args, _values, io) {
    const id = articleIdArgument(args, 'restore-article');
    io.out(`"${library.restoreArticle(id)}" is back in the library.`);
    return 0;
  },

  archive(library, args, _values, io) {
    const id = articleIdArgument(args, 'archive');
    io.out(`"${library.setArchived(id, true)}" is archived.`);
    return 0;
  },

  unarchive(library, args, _values, io) {
    const id = articleIdArgument(args, 'unarchive');
    io.out(`"${library.setArchived(id, false)}" is no longer archived.`);
    return 0;
  },

  async 'empty-trash'(library, args, values, io) {
    if (args.length > 0) throw new UsageError('empty-trash takes no arguments');
    const trashed = library.listTrash();
    if (!values.yes) {
      throw new UsageError(
        `empty-trash deletes ${trashed.length} article(s) and their annotations for good; run it again with --yes`,
      );
    }
    io.out(`Deleted ${await library.emptyTrash()} article(s) from the trash for good.`);
    return 0;
  },

  show(library, args, values, io) {
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('show needs an article id');
    const mode = scriptModeOption(values.script, 'script') ?? 'original';
    const article = inScript(library.getArticle(id), mode, library.overrides.list());
    if (values.json) {
      io.out(JSON.stringify(article, null, 2));
      return 0;
    }
    const m = article.metadata;
    io.out(`# ${m.title}${m.titleInferred ? ' (inferred)' : ''}`);
    for (const [k, v] of Object.entries({ source: m.source, author: m.author, date: m.publishedAt, url: m.url })) {
      if (v) io.out(`${k}: ${v}`);
    }
    const corrected = article.regionCorrected !== null ? ' (corrected)' : '';
    io.out(`script: ${article.script}; region: ${article.region}${corrected}; shown as: ${mode}`);
    for (const p of article.paragraphs) {
      const flags = p.flags.length > 0 ? ` [${p.flags.join(', ')}]` : '';
      // The whole article in the asked script, as the reader shows it (displayText); stored text otherwise.
      io.out(`\n[${p.order} ${p.kind}${flags}] ${p.displayText ?? p.text}`);
    }
    return 0;
  },

  stats(library, _args, values, io) {
    const db = library.database();
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const stats = {
      articles: count('article'),
      // Of the articles: the trash is kept, with its annotations, until it is emptied.
      inTrash: count('article WHERE trashed_at IS NOT NULL'),
      archived: count('article WHERE archived_at IS NOT NULL'),
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
    // As an import reads: never blocking on a FIFO, never reading a device or past the size limit.
    const bytes = readRegularFile(file, { maxBytes: maxImportBytes, what: 'document' });
    printReclean(library.reimportArticle(id, bytes, path.basename(file)), values, io);
    return 0;
  },

  async export(library, args, values, io) {
    if (args.length > 0) throw new UsageError(`export takes no file arguments; use --out (got "${args[0]}")`);
    if (!values.out) throw new UsageError('export needs --out DIR (md) or --out FILE (json, w3c, qdpx, qdc)');
    const out = path.resolve(values.out);
    const format = values.format;
    if (
      format !== 'md' &&
      (values.article ?? values.tag ?? values.script ?? values['highlights-only'] ?? values['full-text']) !== undefined
    ) {
      throw new UsageError('--article, --tag, --script, --highlights-only and --full-text belong to --format md');
    }
    if (format === 'json') {
      const result = library.exportBackup(out);
      // The trash and the archive are in the backup too, with their state: say so.
      const held = `${result.articles} articles, ${result.inTrash} of them in the trash, ${result.archived} archived`;
      io.out(values.json ? JSON.stringify(result, null, 2) : `written: ${result.path} (${held})`);
      return 0;
    }
    if (format === 'qdpx' || format === 'qdc') return runRefiQdaExport(library, format, out, values, io);
    if (format === 'w3c') {
      const result = library.exportW3c(out);
      io.out(values.json ? JSON.stringify(result, null, 2) : `written: ${result.path}`);
      return 0;
    }
    if (format !== 'md') throw new UsageError('export needs --format md, json, w3c, qdpx or qdc');
    if (values.article !== undefined && values.tag !== undefined) {
      throw new UsageError('export takes --article or --tag, not both');
    }
    const article = values.article === undefined ? undefined : Number(values.article);
    if (article !== undefined && (!Number.isInteger(article) || article <= 0)) {
      throw new UsageError('--article needs an article id');
    }
    const scope = article !== undefined ? { article } : values.tag !== undefined ? { tag: values.tag } : 'library';
    const script = scriptModeOption(values.script, 'script') ?? 'original';
    const progress = io.isTty && !values.json && scope === 'library';
    // In steps, as the app exports: each file is written through the thread pool as it is rendered.
    const { files, merged, kept } = await library.exportMarkdownInSteps(
      {
        scope,
        outDir: out,
        script,
        highlightsOnly: values['highlights-only'] ?? false,
        fullText: values['full-text'] ?? false,
      },
      (done, total, phase) => {
        if (progress && phase !== 'rendering') io.err(`\rexporting ${done}/${total}`);
      },
    );
    if (progress) io.err('\n');
    // Kept files are not a failure (the export did what it could without destroying anything), but the person must hear of them.
    if (kept.length > 0) io.err(`${keptFilesMessage(kept).join('\n')}\n`);
    if (merged.length > 0) io.err(`${mergedFilesMessage(merged).join('\n')}\n`);
    const summary = `${files.length} ${files.length === 1 ? 'file' : 'files'} written to ${out}`;
    io.out(values.json ? JSON.stringify({ files, merged, kept }, null, 2) : summary);
    return 0;
  },

  'import-qdpx'(library, args, values, io) {
    const file = args[0];
    if (!file || args.length > 1) throw new UsageError('import-qdpx needs one .qdpx, .qde or .qdc file (or a project folder)');
    return runImportQdpx(library, file, values, io);
  },

  'import-backup'(library, args, values, io) {
    const file = args[0];
    if (!file || args.length > 1) throw new UsageError('import-backup needs one backup file');
    const counts = library.importBackup(path.resolve(file));
    if (values.json) io.out(JSON.stringify(counts, null, 2));
    else {
      const trashed = counts.articlesAddedToTrash;
      const toTrash = trashed > 0 ? ` (${trashed} of them to the trash, as in the backup)` : '';
      io.out(
        `articles: ${counts.articlesAdded} added${toTrash}, ${counts.articlesMerged} already here (annotations merged)\n` +
          `highlights: ${counts.highlightsAdded} added (${counts.highlightsOrphaned} as orphans), ` +
          `${counts.highlightsAlreadyPresent} already here\n` +
          `tags: ${counts.tagsAdded} added; paragraph tags: ${counts.paragraphTagsAdded} added\n` +
          `notes: ${counts.notesAdded} added, ${counts.notesJoined} joined to a different note already here\n` +
          `vocabulary: ${counts.vocabularyAdded} words added\n` +
          `overrides: ${counts.termOverridesAdded} added (where this library reads a word otherwise, its own kept)`,
      );
    }
    return 0;
  },

  search(library, args, values, io) {
    const query = args.join(' ');
    if (query.trim() === '') throw new UsageError('search needs a query');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError('--limit needs a positive number');
    const result = library.search.find(query, {
      tag: values.tag,
      articleId: articleIdOption(values.article),
      includeHidden: values['include-hidden'],
      limit,
      // One run, one answer: the count is worth its time here (the app shows a page first).
      exactTotal: true,
    });
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    // Grouped by article, articles in the order of their best hit.
    const byArticle = new Map<number, SearchHit[]>();
    for (const hit of result.hits) byArticle.set(hit.articleId, [...(byArticle.get(hit.articleId) ?? []), hit]);
    for (const hits of byArticle.values()) {
      const archived = hits[0]?.articleArchived ? '  [archived]' : '';
      io.out(`${hits[0]?.articleTitle ?? ''}  (article ${hits[0]?.articleId ?? ''})${archived}`);
      for (const hit of hits) {
        const where = hit.kind === 'paragraph' ? hit.paragraphKind : hit.kind;
        io.out(`  ¶${hit.paragraphOrder} ${where}: ${markSnippet(hit.text, hit.matches)}`);
      }
    }
    const shown = result.hits.length;
    io.out(shown === result.total ? `${result.total} hits` : `${shown} of ${result.total} hits (--limit N for more)`);
    return 0;
  },

  autocode(library, args, values, io) {
    const query = args.join(' ');
    if (query.trim() === '') throw new UsageError('autocode needs a query');
    if (values.tag === undefined) throw new UsageError('autocode needs --tag T');
    const result = library.search.autocode(query, {
      tag: values.tag,
      span: values.span ?? false,
      articleId: articleIdOption(values.article),
      includeHidden: values['include-hidden'],
      withinTag: values.within,
    });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else if (result.paragraphs === 0) io.out(`nothing to tag: no match without "${values.tag}" already`);
    else {
      const what = values.span
        ? `${result.highlights} matches highlighted in ${result.paragraphs} paragraphs`
        : `${result.paragraphs} paragraphs tagged`;
      io.out(
        `${what} of ${result.articleIds.length} articles with "${values.tag}" (undo in the app takes it back in one step)`,
      );
    }
    return 0;
  },

  overrides(library, args, values, io) {
    return printLines(runOverrides(library, args, values.json ?? false), io);
  },

  attributes(library, args, values, io) {
    return printLines(runAttributes(library, args, values.json ?? false), io);
  },

  async matrix(library, args, values, io) {
    return printLines(await runMatrix(library, args, values), io);
  },
  async agreement(library, args, values, io) {
    return printLines(await runAgreement(library, values.db ?? defaultLibraryPath(), args, values), io);
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
  io.out(
    `${report.paragraphs} paragraphs; highlights placed: ${position} in place, ${quote} by quote, ${fuzzy} by fuzzy quote`,
  );
  if (report.movedParagraphAnnotations > 0) {
    io.out(`${report.movedParagraphAnnotations} paragraph notes/tags moved to the most similar paragraph`);
  }
  for (const orphan of report.orphans)
    io.out(`orphan highlight ${orphan.id}: “${orphan.quote}” (kept; re-attach it in the reader)`);
}

/**
 * The article's reading text in another script, converted for its source region as the reader
 * converts it: title, subtitle, source, author and every paragraph (as displayText); the
 * canonical text and raw stay as stored.
 */
function inScript(
  article: ArticleView,
  mode: ScriptMode,
  overrides: readonly TermOverride[],
): ArticleView & { scriptMode: ScriptMode; paragraphs: Array<ParagraphView & { displayText?: string }> } {
  if (mode === 'original') return { ...article, scriptMode: mode };
  const converter = createConverter(article.script, mode, article.region, overrides);
  const line = (text: string | null) => (text === null ? null : converter.convert(text).text);
  const m = article.metadata;
  return {
    ...article,
    scriptMode: mode,
    metadata: { ...m, title: converter.convert(m.title).text, subtitle: line(m.subtitle), source: line(m.source), author: line(m.author) },
    paragraphs: article.paragraphs.map((p) => ({ ...p, displayText: converter.convert(p.text).text })),
  };
}

function regionOption(value: string | undefined): SourceRegion | undefined {
  if (value === undefined) return undefined;
  if (!isSourceRegion(value)) throw new UsageError(`--region must be one of ${sourceRegions.join(', ')}`);
  return value;
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
  const region = regionOption(values.region) ?? detectRegion({ script: from, texts: input.split('\n') });
  const { text } = createConverter(from, to, region).convert(input);
  io.out(values.json ? JSON.stringify({ from, to, text }) : text.replace(/\n$/, ''));
  return 0;
}

async function restore(dbPath: string, args: string[], values: Values, io: Io): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError('restore needs a backup file');
  const backupDir = path.join(path.dirname(dbPath), 'backups');
  // The lock: restoring under an open app would swap the file out from under its writes.
  const safety = await withLibraryLock(dbPath, () => restoreBackup(dbPath, path.resolve(file), backupDir));
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
