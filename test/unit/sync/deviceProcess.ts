/**
 * One device of the sync loopback test as a process of its own: the real main-process library
 * on its own SQLite file, driven over stdin/stdout JSON lines ({id, cmd, ...} in, {id, ok, value}
 * or {id, ok: false, error} out). Operations go through the library methods the IPC handlers call
 * (journalled, so undo works and the journal records them); after each, the journal entries it
 * wrote or undid are read and kept, keyed by uid, in `<db>.oracle.jsonl` for the no-loss oracle
 * (a local id means nothing on another device, and a row deleted later could no longer be named).
 *
 * Run: node --import tsx deviceProcess.ts <db path> <device name A|B|C>
 */
import fs from 'node:fs';
import readline from 'node:readline';
import * as Y from 'yjs';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { LibraryError } from '../../../main/library/libraryError';
import { ServerSync } from '../../../main/library/sync/client/serverSync';
import { syncFolderOnce } from '../../../main/library/sync/folder/folderSync';
import type { RowChange } from '../../../main/library/journal/journaledTables';
import { plainTextNoteState } from '../../../preload/common/noteText';
import { highlightColors } from '../../../preload/contract/annotationTypes';
import type { OracleChange, OracleFields } from './noLossOracle';
import { articleText, secondArticleText, seededRandom, setHighlightRange } from './syncedArticle';

const [dbPath, device] = process.argv.slice(2) as [string, string];
const logPath = `${dbPath}.oracle.jsonl`;

/**
 * Yjs client ids fixed per device (Yjs draws one at random per loaded document): where two
 * devices wrote at once, the winner and the order of text depend on them, so the same seeded run
 * gives the same documents through the server and through a sync folder. Safe here: the file
 * holds every update this device ever made (nothing is restored from a backup in the test).
 */
const clientId = 1_000_003 * (device.charCodeAt(0) - 63);
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call on each document
const transact = Y.Doc.prototype.transact;
Y.Doc.prototype.transact = function (this: Y.Doc, f, origin) {
  // An article text's document keeps the id drawn from its uid, as every device builds it: it is the
  // same document everywhere, and the server refuses a second copy of a text under other ids.
  if (!this.guid.startsWith('text/')) this.clientID = clientId;
  return transact.call(this, f, origin);
} as typeof transact;

let clock = new Date('2026-01-01T00:00:00.000Z');
/** uids come from SQLite's randomblob and random: drawn from the command's seed, so a run is the same run twice. */
let draw = seededRandom(device.charCodeAt(0));
let library: Library;
let articleIds: number[] = [];
let server: ServerSync | undefined;

/**
 * Local ids of this file to uids, for every row this device has shown: its journal names rows by
 * local id, and an undo after a restart may replay an entry naming a row another device deleted
 * meanwhile (a tag deleted elsewhere is gone from this file's rows, uid and all). So they are kept
 * beside the file (`<db>.ids.json`) and read back at the open after a kill -9.
 */
const highlightUid = new Map<number, string>();
const tagUid = new Map<number, string>();
const articleUid = new Map<number, string>();
const paragraphAt = new Map<number, { article: string; ord: number }>();
const idsPath = `${dbPath}.ids.json`;
/** What idsPath holds: written again only when a map changed. */
let idsWritten = '';

function readIds(): void {
  if (!fs.existsSync(idsPath)) return;
  idsWritten = fs.readFileSync(idsPath, 'utf8');
  const kept = JSON.parse(idsWritten) as {
    highlights: Array<[number, string]>;
    tags: Array<[number, string]>;
    articles: Array<[number, string]>;
    paragraphs: Array<[number, { article: string; ord: number }]>;
  };
  for (const [id, uid] of kept.highlights) highlightUid.set(id, uid);
  for (const [id, uid] of kept.tags) tagUid.set(id, uid);
  for (const [id, uid] of kept.articles) articleUid.set(id, uid);
  for (const [id, at] of kept.paragraphs) paragraphAt.set(id, at);
}

/** Written whole to a temporary file and renamed over: a kill -9 leaves the old maps or the new, never half. */
function writeIds(): void {
  const text = JSON.stringify({
    highlights: [...highlightUid],
    tags: [...tagUid],
    articles: [...articleUid],
    paragraphs: [...paragraphAt],
  });
  if (text === idsWritten) return;
  fs.writeFileSync(`${idsPath}.tmp`, text);
  fs.renameSync(`${idsPath}.tmp`, idsPath);
  idsWritten = text;
}

async function open(): Promise<{ articles: string[] }> {
  const made = !fs.existsSync(dbPath);
  // Named per device, as conflict records name the device that wrote the value that won.
  library = await createLibrary({ dbPath, now: () => clock, deviceName: `device ${device}` });
  if (made) {
    // Its device id fixed too (the migration draws one at random), as the documents may name it (a
    // note's rewritten_on): the same run through the server and through folders gives the same documents.
    library
      .database()
      .prepare('UPDATE sync_state SET device_id = ?')
      .run(`00000000-0000-4000-9000-0000000000${device.charCodeAt(0)}`);
    library.close();
    library = await createLibrary({ dbPath, now: () => clock, deviceName: `device ${device}` });
  }
  readIds();
  const db = library.database();
  db.function('randomblob', { deterministic: false }, (n: unknown) =>
    Buffer.from(Array.from({ length: Number(n) }, () => Math.floor(draw() * 256))),
  );
  db.function('random', { deterministic: false }, () => Math.floor(draw() * 2 ** 31));
  articleIds = db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[];
  if (articleIds.length === 0) {
    // A new file: its member (who made each annotation) named from the device, not at random.
    const columns = db.prepare("SELECT name FROM pragma_table_info('sync_state')").pluck().all() as string[];
    if (columns.includes('member_uid'))
      db.prepare('UPDATE sync_state SET member_uid = ?').run(
        `00000000-0000-4000-8000-0000000000${device.charCodeAt(0)}`,
      );
    for (const [text, title] of [
      [articleText, '城市与河流'],
      [secondArticleText, '菜市场'],
    ] as const) {
      const id = library.importText(text, title).articleId;
      if (id === undefined) throw new Error(`${title} was not imported on ${device}`);
      articleIds.push(id);
    }
  }
  refreshIds();
  return { articles: articleIds.map((id) => articleUid.get(id) ?? '') };
}

function refreshIds(): void {
  const db = library.database();
  for (const r of db.prepare('SELECT id, uid FROM highlight').all() as Array<{ id: number; uid: string }>)
    highlightUid.set(r.id, r.uid);
  for (const r of db.prepare('SELECT id, uid FROM tag').all() as Array<{ id: number; uid: string }>)
    tagUid.set(r.id, r.uid);
  for (const r of db.prepare('SELECT id, uid FROM article').all() as Array<{ id: number; uid: string }>)
    articleUid.set(r.id, r.uid);
  for (const r of db
    .prepare('SELECT p.id, p.ord, a.uid FROM paragraph p JOIN article a ON a.id = p.article_id')
    .all() as Array<{ id: number; ord: number; uid: string }>)
    paragraphAt.set(r.id, { article: r.uid, ord: r.ord });
  writeIds();
}

interface JournalRow {
  id: number;
  undone: number;
  payload: string;
}

function journalRows(): Map<number, JournalRow> {
  const rows = library.database().prepare('SELECT id, undone, payload FROM journal').all() as JournalRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The journal's changes as the oracle reads them: by uid, never by local id. */
function forOracle(change: RowChange, reverse: boolean): OracleChange | undefined {
  const before = reverse ? change.after : change.before;
  const after = reverse ? change.before : change.after;
  const row = (after ?? before)!;
  const pick = (r: typeof row | null, columns: string[]): OracleFields | null =>
    r === null ? null : Object.fromEntries(columns.map((c) => [c, r[c] ?? null]));
  const name = (map: Map<number, string>, id: unknown) => {
    const uid = map.get(Number(id));
    if (uid === undefined) throw new Error(`${device}: no uid known for local id ${String(id)} in ${change.table}`);
    return uid;
  };
  const at = (paragraphId: unknown) => {
    const found = paragraphAt.get(Number(paragraphId));
    if (!found) throw new Error(`${device}: no paragraph ${String(paragraphId)}`);
    return `${found.article}:${found.ord}`;
  };
  switch (change.table) {
    case 'highlight':
      return {
        device,
        kind: 'highlight',
        id: String(row.uid),
        before: pick(before, ['color', 'start_offset', 'end_offset', 'comment']),
        after: pick(after, ['color', 'start_offset', 'end_offset', 'comment']),
      };
    case 'tag':
      return { device, kind: 'tag', id: String(row.uid), before: pick(before, ['name']), after: pick(after, ['name']) };
    case 'highlight_tag':
    case 'paragraph_tag': {
      const owner =
        change.table === 'highlight_tag'
          ? `h:${typeof row.highlight_uid === 'string' ? row.highlight_uid : name(highlightUid, row.highlight_id)}`
          : `p:${at(row.paragraph_id)}`;
      return {
        device,
        kind: 'assignment',
        // By the uid the journal keeps with it, as the product's undo finds it (journal/rowsByUid).
        id: `${owner}:${typeof row.tag_uid === 'string' ? row.tag_uid : name(tagUid, row.tag_id)}`,
        before: before && {},
        after: after && {},
      };
    }
    case 'note':
      return {
        device,
        kind: 'note',
        id: at(row.paragraph_id),
        before: pick(before, ['plain_text']),
        after: pick(after, ['plain_text']),
      };
    case 'term_override':
      return {
        device,
        kind: 'override',
        id: String(row.uid),
        before: pick(before, ['target']),
        after: pick(after, ['target']),
      };
    case 'vocabulary':
      return {
        device,
        kind: 'word',
        id: String(row.uid),
        before: pick(before, ['reading', 'sense']),
        after: pick(after, ['reading', 'sense']),
      };
    default:
      return undefined;
  }
}

/** Runs one person's operation and keeps what it wrote to (or took back from) the journal. */
function operation<T>(run: () => T): T {
  refreshIds();
  const before = journalRows();
  const value = run();
  refreshIds();
  const out: OracleChange[] = [];
  const add = (row: JournalRow, reverse: boolean) => {
    const changes = (JSON.parse(row.payload) as { changes: RowChange[] }).changes;
    // The entry's own rows name its local ids (a deleted row's id may since be another row's).
    for (const change of changes) {
      const named = change.after ?? change.before;
      if (change.table === 'highlight') highlightUid.set(Number(named?.id), String(named?.uid));
      if (change.table === 'tag') tagUid.set(Number(named?.id), String(named?.uid));
    }
    writeIds();
    for (const change of reverse ? [...changes].reverse() : changes) {
      const translated = forOracle(change, reverse);
      if (translated) out.push(translated);
    }
  };
  for (const [id, row] of journalRows()) {
    const was = before.get(id);
    if (!was) {
      if (row.undone === 0) add(row, false);
    } else if (was.undone === 0 && row.undone === 1) add(row, true);
    else if (was.undone === 1 && row.undone === 0) add(row, false);
    else if (was.payload !== row.payload)
      throw new Error(`${device}: journal entry ${id} was folded into (ops too close)`);
  }
  if (out.length > 0) fs.appendFileSync(logPath, out.map((c) => `${JSON.stringify(c)}\n`).join(''));
  return value;
}

const highlightId = (uid: string): number => {
  const id = library.database().prepare('SELECT id FROM highlight WHERE uid = ?').pluck().get(uid) as
    number | undefined;
  if (id === undefined) throw new Error(`${device} has no highlight ${uid}`);
  return id;
};

const paragraphId = (article: number, ord: number): number => {
  const found = library.getArticle(articleIds[article]!).paragraphs.find((p) => p.order === ord);
  if (!found) throw new Error(`${device} has no paragraph ${ord} in article ${article}`);
  return found.id;
};

function noteText(article: number, ord: number): string {
  return library.annotations.getNote(paragraphId(article, ord))?.plainText ?? '';
}

function saveNote(article: number, ord: number, text: string) {
  return library.annotations.saveNote({
    paragraphId: paragraphId(article, ord),
    editorState: JSON.stringify(plainTextNoteState(text)),
    plainText: text,
    markdown: text,
  });
}

/** What a person sees, by uid and paragraph position: for the test's assertions. */
function state() {
  refreshIds();
  return articleIds.map((articleId) => {
    const article = library.getArticle(articleId);
    const ordOf = new Map(article.paragraphs.map((p) => [p.id, p.order]));
    return {
      highlights: article.highlights.map((h) => ({
        uid: highlightUid.get(h.id),
        ord: h.paragraphId === null ? null : ordOf.get(h.paragraphId),
        start: h.start,
        end: h.end,
        color: h.color,
        comment: h.comment,
        tags: h.tags,
      })),
      paragraphTags: Object.fromEntries(
        Object.entries(article.paragraphTags).map(([id, tags]) => [String(ordOf.get(Number(id))), [...tags].sort()]),
      ),
      notes: Object.fromEntries(article.notes.map((n) => [String(ordOf.get(n.paragraphId)), n.plainText])),
      tags: library.annotations
        .listTags()
        .map((t) => t.name)
        .sort(),
    };
  });
}

const tagNames = ['甲', '乙', '丙', '丁', '戊', '己'];

/**
 * One random operation on what this device shows now, chosen from the command's seed. `only`: of
 * that kind, not one drawn (a run that drew none of a kind makes one at its end).
 */
function randomOperation(opName: string, only?: string): string {
  const db = library.database();
  const pickOf = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(draw() * items.length)];
  const highlights = db
    .prepare('SELECT h.id, h.uid, h.paragraph_id FROM highlight h WHERE paragraph_id IS NOT NULL ORDER BY uid')
    .all() as Array<{ id: number; uid: string; paragraph_id: number }>;
  const tags = (db.prepare('SELECT name FROM tag ORDER BY name').pluck().all() as string[]).filter((n) =>
    tagNames.includes(n),
  );
  const article = Math.floor(draw() * articleIds.length);
  const paragraphs = library.getArticle(articleIds[article]!).paragraphs.filter((p) => p.text.length > 4);
  const paragraph = pickOf(paragraphs)!;
  const highlight = pickOf(highlights);
  const kinds = [
    'create',
    'create',
    'recolor',
    'range',
    'delete',
    'tagHighlight',
    'untagHighlight',
    'tagParagraph',
    'untagParagraph',
    'rename',
    'merge',
    'note',
    'note',
    'comment',
    'undo',
    'override',
    'vocabulary',
    'stopWords',
    'reclassify',
  ] as const;
  const kind = kinds.find((k) => k === only) ?? pickOf(kinds)!;
  const span = () => {
    const start = Math.floor(draw() * (paragraph.text.length - 2));
    return [start, start + 1 + Math.floor(draw() * Math.min(8, paragraph.text.length - start - 1))] as const;
  };
  switch (kind) {
    case 'create': {
      const [start, end] = span();
      const tag = draw() < 0.5 ? [pickOf(tagNames)!] : [];
      const color = pickOf(highlightColors)!;
      library.annotations.createHighlight({ paragraphId: paragraph.id, start, end, color, tags: tag });
      return `create ${start}-${end} ${color} ${tag.join()}`;
    }
    case 'recolor':
    case 'range':
    case 'delete':
    case 'comment':
    case 'tagHighlight':
    case 'untagHighlight': {
      if (!highlight) return 'none';
      if (kind === 'recolor') library.annotations.updateHighlight(highlight.id, pickOf(highlightColors)!);
      else if (kind === 'delete') library.annotations.deleteHighlight(highlight.id);
      else if (kind === 'comment') {
        const now =
          (db.prepare('SELECT comment FROM highlight WHERE id = ?').pluck().get(highlight.id) as string) || '';
        const at = Math.floor(draw() * (now.length + 1));
        library.annotations.updateHighlightComment(highlight.id, `${now.slice(0, at)}${opName}${now.slice(at)}`);
      } else if (kind === 'range') {
        const text = db
          .prepare('SELECT text FROM paragraph WHERE id = ?')
          .pluck()
          .get(highlight.paragraph_id) as string;
        const start = Math.floor(draw() * (text.length - 2));
        setHighlightRange(library, highlight.id, start, start + 1 + Math.floor(draw() * 4), () => clock.toISOString());
      } else if (kind === 'tagHighlight') library.annotations.tagHighlight(highlight.id, pickOf(tagNames)!);
      else {
        const on = db
          .prepare(
            'SELECT t.name FROM highlight_tag ht JOIN tag t ON t.id = ht.tag_id WHERE ht.highlight_id = ? ORDER BY t.name',
          )
          .pluck()
          .all(highlight.id) as string[];
        const tag = pickOf(on);
        if (tag === undefined) return 'none';
        library.annotations.untagHighlight(highlight.id, tag);
      }
      return `${kind} ${highlight.uid}`;
    }
    case 'tagParagraph': {
      const tag = pickOf(tagNames)!;
      library.annotations.tagParagraph(paragraph.id, tag);
      return `tagParagraph ${paragraph.order} ${tag}`;
    }
    case 'untagParagraph': {
      const on = library.getArticle(articleIds[article]!).paragraphTags[paragraph.id] ?? [];
      const tag = pickOf([...on].sort());
      if (tag === undefined) return 'none';
      library.annotations.untagParagraph(paragraph.id, tag);
      return `untagParagraph ${paragraph.order} ${tag}`;
    }
    case 'rename': {
      const from = pickOf(tags);
      const to = pickOf(tagNames.filter((n) => !tags.includes(n)));
      if (from === undefined || to === undefined) return 'none';
      library.annotations.renameTag(from, to);
      return `rename ${from} ${to}`;
    }
    case 'merge': {
      const from = pickOf(tags);
      const into = pickOf(tags.filter((n) => n !== from));
      if (from === undefined || into === undefined) return 'none';
      library.annotations.mergeTags(from, into);
      return `merge ${from} ${into}`;
    }
    case 'note': {
      const text = noteText(article, paragraph.order);
      let next = text;
      if (text.length > 3 && draw() < 0.3) {
        const start = Math.floor(draw() * (text.length - 1));
        next = text.slice(0, start) + text.slice(start + 1 + Math.floor(draw() * 3));
      }
      const at = Math.floor(draw() * (next.length + 1));
      next = `${next.slice(0, at)}〔${opName}〕${next.slice(at)}`;
      saveNote(article, paragraph.order, next);
      return `note ${paragraph.order}`;
    }
    case 'undo':
      return `undo ${library.annotations.undo()?.op ?? 'nothing'}`;
    case 'override':
      return overrideOperation(pickOf);
    case 'vocabulary': {
      const words = library.vocabulary.listVocabulary();
      const word = pickOf(words);
      const choice = draw();
      if (word && choice < 0.25) {
        library.vocabulary.removeVocabulary(word.id);
        return `vocabulary remove ${word.word}`;
      }
      if (word && choice < 0.6) {
        library.vocabulary.updateVocabulary(word.id, draw() < 0.5 ? { sense: opName } : { reading: opName });
        return `vocabulary edit ${word.word}`;
      }
      const [start, end] = span();
      const text = paragraph.text.slice(start, end).trim();
      if (text === '') return 'none';
      const at = paragraph.text.indexOf(text, start);
      library.vocabulary.addVocabulary({ paragraphId: paragraph.id, start: at, end: at + text.length, word: text });
      return `vocabulary add ${text}`;
    }
    case 'stopWords': {
      const now = library.analysis.stopWords();
      const word = pickOf(stopWordPool)!;
      if (!now.isDefault && draw() < 0.15) {
        library.analysis.setStopWords(null);
        return 'stopWords default';
      }
      const base = now.isDefault ? [] : now.words;
      const next = base.includes(word) ? base.filter((w) => w !== word) : [...base, word];
      library.analysis.setStopWords(next);
      return `stopWords ${next.join('')}`;
    }
    case 'reclassify': {
      const kind = pickOf(['body', 'caption', 'heading', 'boilerplate'] as const)!;
      library.reclassifyParagraph(paragraph.id, kind);
      return `reclassify ${paragraph.order} ${kind}`;
    }
  }
}

const stopWordPool = ['的', '了', '吗', '呢', '是', '在'];

/** A term override added, retargeted or removed; one that would overlap another of its source is refused, as for a person. */
function overrideOperation(pickOf: <T>(items: readonly T[]) => T | undefined): string {
  const list = library.overrides.list();
  const mine = pickOf(list);
  const choice = draw();
  const target = pickOf(['城巿', '都市', '河川', '舊街', '菜巿場'])!;
  if (mine && choice < 0.3) {
    library.overrides.remove(mine.id);
    return `override remove ${mine.source}`;
  }
  if (mine && choice < 0.6) {
    library.overrides.update(mine.id, { source: mine.source, target, modes: mine.modes });
    return `override edit ${mine.source} ${target}`;
  }
  const source = pickOf(['城市', '河流', '老街', '菜市场'])!;
  const modes = pickOf([['tw'], ['hk'], ['tw', 'hk'], ['t']] as const)!;
  library.overrides.add({ source, target, modes: [...modes] });
  return `override add ${source} ${target} ${modes.join(' ')}`;
}

type Command = { id: number; cmd: string; time?: string; seed?: number } & Record<string, unknown>;

async function handle(command: Command): Promise<unknown> {
  if (command.time !== undefined) clock = new Date(command.time);
  if (command.seed !== undefined) draw = seededRandom(command.seed);
  const s = (key: string) => String(command[key]);
  const n = (key: string) => Number(command[key]);
  switch (command.cmd) {
    case 'open':
      return open();
    case 'random':
      // An operation the library refuses (as it would refuse a person) changes nothing: the run goes on.
      return operation(() => {
        try {
          return randomOperation(s('name'), command.only === undefined ? undefined : s('only'));
        } catch (error) {
          if (error instanceof LibraryError) return `refused: ${error.message}`;
          throw error;
        }
      });
    case 'createHighlight':
      return operation(() => {
        const made = library.annotations.createHighlight({
          paragraphId: paragraphId(n('article'), n('ord')),
          start: n('start'),
          end: n('end'),
          color: s('color') as (typeof highlightColors)[number],
          tags: command.tags as string[],
        });
        return library.database().prepare('SELECT uid FROM highlight WHERE id = ?').pluck().get(made.id);
      });
    case 'recolor':
      return operation(() => library.annotations.updateHighlight(highlightId(s('uid')), s('color') as 'blue').color);
    case 'setRange':
      return operation(() =>
        setHighlightRange(library, highlightId(s('uid')), n('start'), n('end'), () => clock.toISOString()),
      );
    case 'deleteHighlight':
      return operation(() => library.annotations.deleteHighlight(highlightId(s('uid'))).id);
    case 'tagParagraph':
      return operation(() => library.annotations.tagParagraph(paragraphId(n('article'), n('ord')), s('tag')));
    case 'renameTag':
      return operation(() => library.annotations.renameTag(s('from'), s('to')));
    case 'mergeTags':
      return operation(() => library.annotations.mergeTags(s('from'), s('into')));
    case 'saveNote':
      return operation(() => saveNote(n('article'), n('ord'), s('text'))?.plainText ?? null);
    case 'state':
      return state();
    case 'dump':
      return { docs: library.sync.dump(), rows: library.sync.projectionDump() };
    case 'stateVectors':
      // Everything each document holds, the bookkeeping the dump leaves out too (who has seen which delete).
      return Object.fromEntries(
        library.sync.docNames().map((name) => [name, Buffer.from(library.sync.stateVector(name)).toString('base64')]),
      );
    case 'journal':
      return fs.existsSync(logPath)
        ? fs
            .readFileSync(logPath, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as unknown)
        : [];
    case 'superseded':
      return library.sync.superseded();
    case 'purge':
      // This device's deleted highlights every device has seen, out of the documents (sync/purge).
      return library.sync.purge();
    case 'connect':
      server?.close();
      server = await ServerSync.connect(library.sync, { url: s('url'), token: s('token'), timeoutMs: n('timeoutMs') });
      return null;
    case 'sync':
      if (!server) throw new Error(`${device} is not connected`);
      return server.syncOnce();
    case 'disconnect':
      server?.close();
      server = undefined;
      return null;
    case 'syncFolder':
      return syncFolderOnce(library.sync, { folder: s('folder'), memoryPath: s('memoryPath') });
    case 'close':
      server?.close();
      library.close();
      setImmediate(() => process.exit(0));
      return null;
    default:
      throw new Error(`Unknown command ${command.cmd}`);
  }
}

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);

// Commands run as they come: a disconnect may arrive while a sync is in flight.
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  handle(command).then(
    (value) => send({ id: command.id, ok: true, value: value ?? null }),
    (error: unknown) =>
      send({
        id: command.id,
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        code: (error as { code?: unknown }).code ?? null,
      }),
  );
});
