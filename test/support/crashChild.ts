/**
 * The writer of the crash-safety test: one kind of write, done as fast as it can, until it is
 * SIGKILLed. It prints one JSON line per step: `{"try": …}` just before a write and
 * `{"ack": …}` once the write has returned (committed, from the caller's point of view). A line
 * the kill cut short was never acknowledged.
 *
 * It loads, then waits for one line on stdin, `["MODE", "DB", "WORK", "RUN"]`: the test starts
 * the next writer while it checks the last one, so loading the code is not part of each kill.
 *
 * MODE: annotate | import | notes | export | backup | restore (see each function below).
 * WORK: a folder of the test's own: the files to import, export targets, backups to restore,
 * `paragraphs.json` (the paragraphs whose notes MODE notes rewrites).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLibrary } from '../../main/library/createLibrary';
import { preparePastedImport } from '../../main/library/import/prepareImport';
import { restoreBackup } from '../../main/library/store/restoreBackup';

let dbPath = '';
let work = '';
let runTag = '';

/** The export's clock: a fixed one, so two exports of the same library are equal (the test's crashClock). */
const crashClock = () => new Date('2026-11-23T10:00:00.000Z');

function say(kind: 'try' | 'ack', value: unknown): void {
  // Written before the next step starts: a line is all there or cut by the kill (the test drops a cut one).
  const line = Buffer.from(`${JSON.stringify({ [kind]: value })}\n`);
  for (let done = 0; done < line.length; ) {
    try {
      done += fs.writeSync(1, line, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** The first line: the test's random delay before the kill starts here, once the library is open. */
function ready(): void {
  say('ack', { ready: process.pid });
}

function seedTexts(): string[] {
  const seeds = path.resolve('seeds'); // the bundled seeds; the child runs in the repository
  return fs
    .readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(seeds, f), 'utf8'))
    // The first paragraphs only: a shorter import, so more of them fit between two kills.
    .map((text) => text.slice(0, text.indexOf('\n', 2_000) + 1 || undefined));
}

/** Pasted articles, each with highlights and notes on its first body paragraphs. */
async function annotate(): Promise<void> {
  const texts = seedTexts();
  const library = await createLibrary({ dbPath });
  ready();
  for (let i = 0; ; i++) {
    // A new article each time: a seed with a unique line, so its hash is new.
    const title = `${runTag}-${i}`;
    const outcome = library.importText(`${title} 第${i}篇\n\n${texts[i % texts.length] ?? ''}`, title);
    say('ack', { article: outcome.articleId, title });
    const article = library.getArticle(outcome.articleId!);
    for (const p of article.paragraphs.filter((x) => x.kind === 'body' && x.text.length > 8).slice(0, 5)) {
      const h = library.annotations.createHighlight({ paragraphId: p.id, start: 1, end: 6, color: 'green', tags: [`crash/${runTag}`] });
      say('ack', { highlight: h.id });
      const plainText = `note-${title}-${p.id}`;
      library.annotations.saveNote({ paragraphId: p.id, editorState: '{"root":{"children":[]}}', plainText, markdown: plainText });
      say('ack', { note: p.id, plainText });
    }
  }
}

/** Files on disk through importPaths: a folder of three files (one batch), then a single file, and again. */
async function importFiles(): Promise<void> {
  const texts = seedTexts();
  const library = await createLibrary({ dbPath });
  ready();
  for (let i = 0; ; i++) {
    const folder = path.join(work, 'import', `${runTag}-${i}`);
    fs.mkdirSync(folder, { recursive: true });
    const count = i % 2 === 0 ? 3 : 1;
    const files = Array.from({ length: count }, (_, k) => {
      const file = path.join(folder, `${runTag}-${i}-${k}.txt`);
      fs.writeFileSync(file, `${runTag}-${i}-${k} 第${i}篇\n\n${texts[(i + k) % texts.length] ?? ''}`);
      return file;
    });
    say('try', { files });
    const outcomes = await library.importPaths(count === 1 ? files : [folder]);
    for (const o of outcomes) {
      const file = files.find((f) => path.basename(f) === path.basename(o.fileName)) ?? o.fileName;
      say('ack', { file, status: o.status, articleId: o.articleId });
    }
  }
}

/** Note saving: a few paragraphs' notes rewritten over and over, as autosave does while typing. */
async function notes(): Promise<void> {
  const library = await createLibrary({ dbPath });
  ready();
  const paragraphIds = (JSON.parse(fs.readFileSync(path.join(work, 'paragraphs.json'), 'utf8')) as number[]);
  for (let i = 0; ; i++) {
    const paragraphId = paragraphIds[i % paragraphIds.length]!;
    // Longer every few saves, so a save also grows the row past a page now and then.
    const plainText = `${runTag}-${i} ${'批注'.repeat((i % 7) * 400)}`;
    say('try', { paragraphId, plainText });
    library.annotations.saveNote({ paragraphId, editorState: '{"root":{"children":[]}}', plainText, markdown: plainText });
    say('ack', { paragraphId, plainText });
  }
}

/** Markdown export of the whole library and the JSON backup export, again and again into the same places. */
async function exportFiles(): Promise<void> {
  const library = await createLibrary({ dbPath, now: crashClock });
  ready();
  const outDir = path.join(work, 'export', 'markdown');
  const file = path.join(work, 'export', 'library.json');
  for (let i = 0; ; i++) {
    say('try', { markdown: i });
    library.exportMarkdown({ scope: 'library', outDir });
    say('ack', { markdown: i });
    say('try', { json: i });
    library.exportBackup(file);
    say('ack', { json: i });
  }
}

/** The rotating backups (SQLite's online backup into backups/), one after another. */
async function backups(): Promise<void> {
  const library = await createLibrary({ dbPath });
  ready();
  for (let i = 0; ; i++) {
    say('try', { backup: i });
    const made = await library.backup('manual');
    say('ack', { backup: i, path: made.path });
  }
}

/**
 * Restore, alternately from two backups the test made (`restore-a.sqlite`, `restore-b.sqlite`):
 * on even runs with the library closed (as `pizhu restore` does), on odd runs through the open
 * library's own restore (close, swap, reopen: the app's).
 */
async function restores(): Promise<void> {
  const backupDir = path.join(path.dirname(dbPath), 'backups');
  const inApp = Number(runTag.replace(/\D/g, '')) % 2 === 1;
  const library = inApp ? await createLibrary({ dbPath }) : undefined;
  ready();
  for (let i = 0; ; i++) {
    const from = i % 2 === 0 ? 'a' : 'b';
    const file = path.join(work, `restore-${from}.sqlite`);
    say('try', { restore: from });
    if (library) await library.restoreFrom(file);
    else await restoreBackup(dbPath, file, backupDir);
    say('ack', { restore: from });
  }
}

const modes: Record<string, () => Promise<void>> = {
  annotate,
  import: importFiles,
  notes,
  export: exportFiles,
  backup: backups,
  restore: restores,
};
// Warmed up while waiting for the job (the first parse costs a second of compiling and tables),
// so that the kill's random moment falls among writes, not in start-up work.
preparePastedImport(seedTexts()[0] ?? '', 'warm-up');
process.stdin.once('data', (chunk: Buffer) => {
  const [mode, ...rest] = JSON.parse(chunk.toString('utf8')) as string[];
  [dbPath = '', work = '', runTag = ''] = rest;
  process.stdin.destroy();
  const run = mode ? modes[mode] : undefined;
  if (!run || !dbPath || !work || !runTag) throw new Error(`crashChild: not a job: ${chunk.toString('utf8')}`);
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  });
});
