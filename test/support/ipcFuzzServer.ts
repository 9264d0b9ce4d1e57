/**
 * The process the IPC fuzz test (test/wiring/ipcFuzz.test.ts) sends its calls to: a seeded
 * library in a temp folder, the handler table main/app builds (createHandlers + createDispatch)
 * registered as main/app registers it, and dialogs that answer as the test says. It runs apart
 * from the test so that a call that hangs or eats memory can be stopped (SIGKILL) and counted.
 *
 * Messages (advanced serialization, i.e. the structured clone Electron's IPC uses):
 *   → { call: FuzzCall }          ← { result, changed: what changed (tables, files) or null, ms }
 *   → { finish: true }            ← { integrity, verified }
 *   ← { catalog } once ready;  ← { unhandled } for an unhandled rejection or exception.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { createDispatch, createHandlers } from '../../main/app/createHandlers';
import { isFromAppPage } from '../../main/app/pageOrigin';
import { createLibrary } from '../../main/library/createLibrary';
import { registerHandlers } from '../../main/app/registerHandlers';
import { backupFormatName, backupVersion } from '../../main/library/export/backupFormat';
import type { BackupFile } from '../../main/library/store/backups';
import { methodOf } from '../../preload/contract/channels';
import { createFakeElectron } from './fakeElectron';
import { expandDeep, type Catalog, type FuzzCall } from './malformedCalls';
import { bodyParagraphs } from './seededLibrary';

const appUrl = 'app://pizhu/index.html';
const send = (message: unknown) => process.send!(message);
process.on('unhandledRejection', (reason) => send({ unhandled: String(reason) }));
process.on('uncaughtException', (error) => send({ unhandled: error.stack ?? String(error) }));

void (async () => {
  // The folder is the test's (argv), the same for every server it starts: a call made for one
  // server names paths that are the next one's too.
  const sandbox = process.argv[2]!;
  fs.rmSync(sandbox, { recursive: true, force: true });
  fs.mkdirSync(sandbox, { recursive: true });
  const dbPath = path.join(sandbox, 'library.sqlite');
  const library = await createLibrary({ dbPath, now: () => new Date('2026-11-23T10:00:00.000Z') });
  // From the working folder (the repository): in the bundle, seededLibrary's __dirname is the bundle's.
  await library.seedIfNew(path.resolve('seeds'));
  // Looked up on each use: a restore reopens the library's connection.
  const db = () => library.database();

  // Rows of every kind, so that ids can be real or of the wrong kind.
  const tags = ['fuzz', '主题/子题', 'a/b'];
  const highlights: number[] = [];
  for (const summary of library.listArticles().slice(0, 3)) {
    for (const p of bodyParagraphs(library.getArticle(summary.id), 20).slice(0, 3)) {
      highlights.push(
        library.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 4, color: 'yellow', tags }).id,
      );
      const plainText = `fuzz note ${p.id}`;
      library.annotations.saveNote({
        paragraphId: p.id,
        editorState: '{"root":{"children":[]}}',
        plainText,
        markdown: plainText,
      });
    }
  }
  const articles = library.listArticles().map((a) => a.id);
  const paragraphs = (
    db().prepare('SELECT id FROM paragraph ORDER BY id LIMIT 200').all() as Array<{ id: number }>
  ).map((r) => r.id);

  // Hostile things to read: the library itself, a FIFO, a device, a loop, a file whose contents must never be echoed.
  const fifo = path.join(sandbox, 'pipe.json');
  execFileSync('mkfifo', [fifo]);
  fs.writeFileSync(path.join(sandbox, 'secret.json'), 'PIZHU-SECRET-4f1c not a backup');
  fs.symlinkSync('/dev/zero', path.join(sandbox, 'zero.json'));
  fs.symlinkSync(path.join(sandbox, 'loop.json'), path.join(sandbox, 'loop.json'));
  fs.mkdirSync(path.join(sandbox, 'in'));
  fs.writeFileSync(path.join(sandbox, 'in', 'article.txt'), '一篇文章\n\n这是正文。'.repeat(20));
  fs.writeFileSync(
    path.join(sandbox, 'in', 'deep.html'),
    `<html><body>${'<div>'.repeat(3_000)}深${'</div>'.repeat(3_000)}</body></html>`,
  );
  const valid = path.join(sandbox, 'valid-backup.json');
  fs.writeFileSync(
    valid,
    JSON.stringify({
      format: backupFormatName,
      version: backupVersion,
      exportedAt: '2026-01-01T00:00:00.000Z',
      articles: [],
      tags: [],
    }),
  );
  // A term list that imports (and one line it skips), for importTermOverrides when the dialog answers.
  const termList = path.join(sandbox, 'terms.csv');
  fs.writeFileSync(termList, 'source,target,modes\n心理发展,心理發展,t tw\n软件,,hk\n');
  // An attribute CSV that imports (and one line it skips), for importAttributes when the dialog answers.
  const attributeCsv = path.join(sandbox, 'attributes.csv');
  fs.writeFileSync(attributeCsv, 'file,outlet\narticle.txt,官方\nmissing.txt,x\n');
  const backupDir = library.backupDir;
  await library.backup('fuzz');
  const writePaths = [
    dbPath,
    `${dbPath}-wal`,
    backupDir,
    path.join(backupDir, 'library-20990101T000000000Z-manual.sqlite'),
    sandbox,
    `${sandbox}/`,
    path.join(sandbox, 'out.json'),
    path.join(sandbox, 'export'),
    path.join(sandbox, 'missing', 'deeper', 'out.json'),
    `${sandbox}/./x/../out.md`,
    fifo,
    path.join(sandbox, 'in'),
  ];
  const readPaths = [
    fifo,
    '/dev/zero',
    path.join(sandbox, 'zero.json'),
    path.join(sandbox, 'loop.json'),
    path.join(sandbox, 'secret.json'),
    valid,
    '/proc/self/mem',
    `${dbPath}-shm`,
  ];
  const catalog: Catalog = { articles, paragraphs, highlights, tags, sandbox, readPaths, writePaths };

  // The dialogs main opens: cancelled, a good answer, or a hostile one the person could pick.
  let dialog: FuzzCall['dialog'] = 'cancel';
  const turns = new Map<unknown[], number>(); // each dialog goes through its hostile answers in turn
  const answer = <T>(ok: T, hostile: T[]): T | null =>
    dialog === 'cancel' ? null : dialog === 'ok' ? ok : (hostile[next(hostile) % hostile.length] ?? null);
  const next = (hostile: unknown[]) => {
    const turn = turns.get(hostile) ?? 0;
    turns.set(hostile, turn + 1);
    return turn;
  };
  const hostileFiles = [[fifo], ['/dev/zero'], [path.join(sandbox, 'in')], [dbPath], [path.join(sandbox, 'loop.json')]];
  const hostileFolders = [backupDir, sandbox, dbPath, fifo];
  const hostileSaves = [dbPath, `${dbPath}-wal`, backupDir, fifo];
  const hostileBackupNames = [
    dbPath,
    path.basename(dbPath),
    '../library.sqlite',
    `${path.relative(backupDir, dbPath)}`,
    'library-20990101T000000000Z-manual.sqlite',
    '.library-20990101T000000000Z-manual.sqlite.tmp',
    path.join(sandbox, 'valid-backup.json'),
    '',
  ];
  const hostileOpens = [
    dbPath,
    fifo,
    path.join(sandbox, 'zero.json'),
    path.join(sandbox, 'secret.json'),
    path.join(sandbox, 'loop.json'),
  ];
  const deps = {
    library,
    appVersion: '0.0.0-fuzz',
    seededOnThisRun: 0,
    takePendingLink: () => null,
    chooseFiles: () => Promise.resolve(answer([path.join(sandbox, 'in', 'article.txt')], hostileFiles) ?? []),
    chooseExportFolder: () => Promise.resolve(answer(path.join(sandbox, 'export'), hostileFolders)),
    chooseBackupFile: (purpose: 'save' | 'open') =>
      Promise.resolve(
        purpose === 'save' ? answer(path.join(sandbox, 'out.json'), hostileSaves) : answer(valid, hostileOpens),
      ),
    // Main's preview of a JSON merge or restore: yes unless the person cancels every dialog.
    confirmBackupUse: () => Promise.resolve(dialog !== 'cancel'),
    chooseW3cFile: () => Promise.resolve(answer(path.join(sandbox, 'annotations.jsonld'), hostileSaves)),
    chooseQdpxFile: (purpose: 'save' | 'open') =>
      Promise.resolve(purpose === 'save' ? answer(path.join(sandbox, 'out.qdpx'), hostileSaves) : answer(valid, hostileOpens)),
    chooseQdcFile: (purpose: 'save' | 'open') =>
      Promise.resolve(purpose === 'save' ? answer(path.join(sandbox, 'out.qdc'), hostileSaves) : answer(valid, hostileOpens)),
    chooseTermListFile: (purpose: 'save' | 'open') =>
      Promise.resolve(
        purpose === 'save' ? answer(path.join(sandbox, 'terms-out.csv'), hostileSaves) : answer(termList, hostileOpens),
      ),
    chooseVocabularyFile: () => Promise.resolve(answer(path.join(sandbox, 'vocabulary.csv'), hostileSaves)),
    chooseAttributeCsvFile: () => Promise.resolve(answer(attributeCsv, hostileOpens)),
    chooseMatrixFile: (format: 'csv' | 'xlsx') => Promise.resolve(answer(path.join(sandbox, `matrix.${format}`), hostileSaves)),
    chooseWordsCsvFile: () => Promise.resolve(answer(path.join(sandbox, 'words.csv'), hostileSaves)),
    // Main's list of automatic backups: a name it listed, or one it did not (a path, the library, a stray).
    chooseAutomaticBackup: (backups: readonly BackupFile[]) =>
      Promise.resolve(answer(backups[0]?.name ?? '', hostileBackupNames)),
  };
  const dispatch = createDispatch(createHandlers(deps), () => undefined);
  const fake = createFakeElectron();
  registerHandlers(fake.ipcMain as never, dispatch, isFromAppPage(appUrl));

  const sandboxLibraryFiles = new Set(['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']);
  const hashRows = (sql: string): string => {
    const hash = createHash('sha256');
    for (const row of db().prepare(sql).raw().iterate() as Iterable<unknown[]>) {
      for (const cell of row) hash.update(Buffer.isBuffer(cell) ? cell : `${typeof cell}:${String(cell)}\u0001`);
    }
    return hash.digest('hex');
  };
  /**
   * A hash of every row of every table (the undo journal's too), of every search index's terms
   * with the rows holding each, and of every file Pizhu could have written. A search index is
   * hashed by what it holds (fts5vocab), not by its segments (its _data and _idx tables): the
   * library's idle tick merges segments at any moment (store/walCheckpoints), which changes them
   * and nothing the index answers, and is no call's doing.
   */
  function fingerprint(): Map<string, string> {
    const parts = new Map<string, string>();
    const searchIndexes = db()
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY name")
      .pluck()
      .all() as string[];
    const segments = new Set(searchIndexes.flatMap((name) => [`${name}_data`, `${name}_idx`]));
    const tables = db()
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const name of tables) {
      if (!segments.has(name)) parts.set(`table ${name}`, hashRows(`SELECT * FROM "${name}"`));
    }
    for (const name of searchIndexes) {
      // In the connection's temp schema: nothing is written to the library.
      db().exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."terms of ${name}" USING fts5vocab(main, "${name}", 'row')`);
      parts.set(`search index ${name}`, hashRows(`SELECT term, doc FROM temp."terms of ${name}" ORDER BY term`));
    }
    for (const entry of fs.readdirSync(sandbox, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.parentPath === sandbox && sandboxLibraryFiles.has(entry.name)) continue;
      const stat = fs.lstatSync(file);
      parts.set(
        `file ${path.relative(sandbox, file)}`,
        stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : String(stat.mode),
      );
    }
    return parts;
  }

  /** What differs between two fingerprints: the tables and files a call changed. */
  function changes(a: Map<string, string>, b: Map<string, string>): string[] {
    return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
  }

  let before = fingerprint();
  process.on('message', (message: { call?: FuzzCall; finish?: boolean }) => {
    void (async () => {
      if (message.finish) {
        // The file as the next start reads it (a call that replaced it would not show on the open connection).
        let integrity: unknown;
        try {
          const fresh = new Database(dbPath, { readonly: true, fileMustExist: true });
          integrity = [
            db().pragma('integrity_check', { simple: true }),
            fresh.pragma('integrity_check', { simple: true }),
          ].join(' / ');
          fresh.close();
        } catch (error) {
          integrity = `the library file does not open: ${String(error)}`;
        }
        // Every article's, paragraph's and note's content hash still matches (and integrity_check again).
        const verified = library.verify();
        send({ integrity, verified });
        return;
      }
      const call = { ...message.call!, request: expandDeep(message.call!.request) };
      dialog = call.dialog;
      const started = Date.now();
      const result = methodOf(call.channel)
        ? await fake.callFrom(appUrl, call.channel, call.request)
        : await dispatch(call.channel, call.request);
      const ms = Date.now() - started;
      const after = fingerprint();
      const changed = changes(before, after);
      send({ result, changed: changed.length > 0 ? changed.join(', ') : null, ms });
      before = after;
    })().catch((error: unknown) =>
      send({ unhandled: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  if (articles.length < 5 || highlights.length === 0)
    throw new Error(`the fuzz library was not seeded (${articles.length} articles)`);
  send({ catalog });
})();
