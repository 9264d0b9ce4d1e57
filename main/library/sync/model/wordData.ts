import * as Y from 'yjs';
import type { ChangeCause } from '../../journal/changeSink';
import type { Row, RowChange } from '../../journal/journaledTables';
import { checkRule, modesOf, modesOverlap, modesText } from '../../overrides/overrideRules';
import type { Db } from '../../store/openDatabase';
import { preparedStatement } from '../../store/preparedStatements';
import type { VocabularyRow } from '../../vocabulary/readVocabulary';
import { articleIdOfUid, uidOfArticle } from './articleRows';
import {
  entryOf,
  existingEntry,
  fieldOf,
  hasHeld,
  replicatedColumns,
  setField,
  stringField,
  type FieldValue,
} from './docShape';
import { rowsAsInserts } from './rowsAsInserts';
import { fieldWriter, type Writer } from './writers';
import { placesOf, type Places } from './paragraphPlaces';

/**
 * The person's word data in the library document (docShape): term overrides (`overrides`, uid ->
 * a nested map), the vocabulary (`vocabulary`, uid -> a nested map, its article by uid and its
 * paragraph by position) and the stop-word list (`stopwords`, one top-level map: `custom` true
 * while the person's own list replaces the default one, and `w:<word>` -> true while the word is
 * in it, false once taken out: a set, so two devices' additions both stay and the same word
 * added on both is no conflict).
 */

type Edit = (doc: Y.Doc) => void;

export const overrides = (doc: Y.Doc) => doc.getMap<unknown>('overrides');
export const vocabulary = (doc: Y.Doc) => doc.getMap<unknown>('vocabulary');
export const stopWords = (doc: Y.Doc) => doc.getMap<unknown>('stopwords');

const overrideFields = ['source', 'target', 'modes', 'created_at'] as const;
const vocabularyFields = [
  'word',
  'stored_word',
  'reading',
  'sense',
  'sentence',
  'sentence_offset',
  'article',
  'paragraph',
  // The paragraph's place (paragraphPlaces): its position in the split it was saved in, so it follows its paragraph into a re-imported or re-cleaned text.
  'place',
  'start_offset',
  'end_offset',
  'created_at',
  'updated_at',
] as const;
type VocabularyField = (typeof vocabularyFields)[number];

const wordKey = (word: string) => `w:${word}`;

/** The library document's edit for a change of word data, or undefined for another table's. */
export function wordDataEdit(db: Db, change: RowChange, cause: ChangeCause): Edit | undefined {
  const row = change.after ?? change.before;
  if (!row) return undefined;
  switch (change.table) {
    case 'term_override': {
      const uid = str(row.uid) ?? uidOfRow(db, 'term_override', row.id);
      if (uid === undefined) return undefined;
      return (doc) => writeEntry(overrides(doc), uid, change, cause, overrideFields, (r) => r);
    }
    case 'vocabulary': {
      const uid = str(row.uid) ?? uidOfRow(db, 'vocabulary', row.id);
      if (uid === undefined) return undefined;
      return (doc) =>
        writeEntry(vocabulary(doc), uid, change, cause, vocabularyFields, (r) => vocabularyValues(db, r, doc));
    }
    case 'stop_word_list':
      return (doc) => writeStopWords(stopWords(doc), change);
    default:
      return undefined;
  }
}

/**
 * An entry's changed fields (all when it is new); a removal marks it deleted. A row an undo puts
 * back over a deleted entry keeps the fields the entry holds: another device's edits since stand.
 */
function writeEntry(
  map: Y.Map<unknown>,
  uid: string,
  change: RowChange,
  cause: ChangeCause,
  fields: readonly string[],
  valuesOf: (row: Row) => Record<string, FieldValue>,
): void {
  if (!change.after) {
    const entry = existingEntry(map, uid);
    if (entry) setField(entry, 'deleted', true);
    return;
  }
  const found = existingEntry(map, uid);
  const revived = cause.replay !== undefined && !change.before && found?.get('deleted') === true;
  const entry = entryOf(map, uid);
  const after = valuesOf(change.after);
  const before = change.before ? valuesOf(change.before) : undefined;
  for (const field of fields) {
    const value = after[field] ?? null;
    const changed = revived ? false : !before || (before[field] ?? null) !== value;
    if (changed || !entry.has(field)) setField(entry, field, value);
  }
  if (!change.before) setField(entry, 'deleted', false);
}

/** A vocabulary row's replicated values: its article by uid and its paragraph by position, not by rowid. */
function vocabularyValues(db: Db, row: Row, library: Y.Doc): Record<VocabularyField, FieldValue> {
  const articleId = row.article_id;
  const paragraphId = row.paragraph_id;
  const ord: unknown =
    typeof paragraphId === 'number'
      ? preparedStatement(db, 'SELECT ord FROM paragraph WHERE id = ?').pluck(true).get(paragraphId)
      : undefined;
  const articleUid = typeof articleId === 'number' ? uidOfArticle(db, articleId) : undefined;
  const place =
    typeof ord === 'number' && typeof articleId === 'number' && articleUid !== undefined
      ? placesOf(db, articleId, articleUid, library, undefined).keyOf(ord)
      : null;
  return {
    word: row.word ?? '',
    stored_word: row.stored_word ?? '',
    reading: row.reading ?? '',
    sense: row.sense ?? '',
    sentence: row.sentence ?? '',
    sentence_offset: row.sentence_offset ?? 0,
    article: articleUid ?? null,
    paragraph: typeof ord === 'number' ? ord : null,
    place,
    start_offset: row.start_offset ?? 0,
    end_offset: row.end_offset ?? 0,
    created_at: row.created_at ?? '',
    updated_at: row.updated_at ?? '',
  };
}

/**
 * The list as a set of words: each word added is set true, each one taken out false; back to the
 * default list sets `custom` false and keeps the words, so a later list of one's own does not
 * bring them back unasked.
 */
function writeStopWords(map: Y.Map<unknown>, change: RowChange): void {
  if (!change.after) {
    setField(map, 'custom', false);
    return;
  }
  const list = wordsOf(change.after.words);
  const had = change.before ? new Set(wordsOf(change.before.words)) : undefined;
  const now = new Set(list);
  // Only the words this edit added: one another device took out meanwhile stays out.
  for (const word of list) if (!had?.has(word)) setField(map, wordKey(word), true);
  // A list replacing the default one is the whole list: any other word the document holds is out.
  const out = had ? [...had].filter((w) => !now.has(w)) : liveStopWords(map).filter((w) => !now.has(w));
  for (const word of out) setField(map, wordKey(word), false);
  setField(map, 'custom', true);
  setField(map, 'updated_at', str(change.after.updated_at) ?? '');
}

/** The words in the list, in code point order (a set has none of its own). */
function liveStopWords(map: Y.Map<unknown>): string[] {
  const live: string[] = [];
  map.forEach((value, key) => {
    if (key.startsWith('w:') && value === true) live.push(key.slice(2));
  });
  return live.sort(compare);
}

function wordsOf(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

/** An override this device showed that another device's override of the same source and mode now hides. */
export interface HiddenOverride {
  path: string;
  field: 'target';
  lost: string;
  kept: string;
  /** Who wrote the override that hides it (writers). */
  keptBy: Writer | null;
}

/**
 * What of the word data a projection reads again: what the library document's transactions
 * changed since the last one (watchWordData), or all of it.
 */
export type WordDataChanges =
  | 'all'
  | {
      overrides: boolean;
      stopWords: boolean;
      /** Vocabulary entries changed, by uid. */
      vocabulary: Set<string>;
      /** The words with no article here: an article just stored may be theirs. */
      unlinkedVocabulary: boolean;
    };

export interface WordDataWatch {
  /** What changed since the last take (all of it at the first: nothing is known of the rows before). */
  take(): WordDataChanges;
  /** The words waiting for an article are read again at the next take (the article came). */
  articleStored(): void;
  /** Rows written back whole (an undo or redo): read again, whether or not the document changed. */
  rowsWritten(changes: readonly RowChange[]): void;
}

/**
 * Follows a library document's transactions (any origin: this device's mirrored changes and
 * other devices' updates alike) and keeps which word data entries they changed: an override's or
 * a word's entry by its key, or a field inside it (its parent's key).
 */
export function watchWordData(library: Y.Doc): WordDataWatch {
  // As the transaction names them (its changed types are typed by their events, not as maps).
  const maps: Record<'overrides' | 'vocabulary' | 'stopWords', object> = {
    overrides: overrides(library),
    vocabulary: vocabulary(library),
    stopWords: stopWords(library),
  };
  const nothing = () => ({ overrides: false, stopWords: false, vocabulary: new Set<string>(), unlinkedVocabulary: false });
  let pending: WordDataChanges = 'all';
  const changes = () => (pending === 'all' ? undefined : pending);
  library.on('afterTransaction', (transaction: Y.Transaction) => {
    const into = changes();
    if (!into) return;
    for (const [type, keys] of transaction.changed) {
      if (type === maps.overrides || type.parent === maps.overrides) into.overrides = true;
      else if (type === maps.stopWords) into.stopWords = true;
      else if (type === maps.vocabulary) {
        for (const key of keys) if (key !== null) into.vocabulary.add(key);
      } else if (type.parent === maps.vocabulary && typeof type._item?.parentSub === 'string') {
        into.vocabulary.add(type._item.parentSub);
      }
    }
  });
  return {
    take() {
      const taken = pending;
      pending = nothing();
      return taken;
    },
    articleStored() {
      const into = changes();
      if (into) into.unlinkedVocabulary = true;
    },
    rowsWritten(written) {
      const into = changes();
      if (!into) return;
      for (const change of written) {
        if (change.table === 'term_override') into.overrides = true;
        if (change.table === 'stop_word_list') into.stopWords = true;
        if (change.table !== 'vocabulary') continue;
        const uid = str((change.after ?? change.before)?.uid);
        if (uid === undefined) pending = 'all';
        else into.vocabulary.add(uid);
      }
    },
  };
}

/**
 * Writes the rows the library document says there should be: overrides, vocabulary and the
 * stop-word list. Nothing here is journaled (another device's change is no step of this person's
 * undo); an entry this device could not hold (a value its checks refuse) stays in the document
 * and is not shown. `hidden` hears of each override row taken away because another hides it.
 * Only what `changes` names is read (a tag or memo change reads none of it); the overrides, when
 * any changed, all: one source reads one way per mode, so a change of one override can show or
 * hide another of the same source, and a person's list is tens of rows, not thousands.
 */
export function projectWordData(
  db: Db,
  library: Y.Doc,
  hidden: (h: HiddenOverride) => void,
  changes: WordDataChanges = 'all',
  /** An article's document, held here: a word's paragraph is found through its maps (paragraphPlaces). */
  articleDoc: (uid: string) => Y.Doc | undefined = () => undefined,
): void {
  const placed = wordPlaces(db, library, articleDoc);
  if (changes === 'all') {
    projectOverrides(db, library, hidden);
    projectVocabulary(db, library, placed);
    projectStopWords(db, library);
    return;
  }
  if (changes.overrides) projectOverrides(db, library, hidden);
  const words = new Set(changes.vocabulary);
  if (changes.unlinkedVocabulary) {
    for (const uid of preparedStatement(db, 'SELECT uid FROM vocabulary WHERE article_id IS NULL').pluck(true).all())
      words.add(uid as string);
  }
  if (words.size > 0) projectVocabularyEntries(db, library, words, placed);
  if (changes.stopWords) projectStopWords(db, library);
}

interface OverrideValues {
  source: string;
  target: string;
  modes: string;
  created_at: string;
}

/**
 * One source reads one way per mode: where two devices each made an override of one source for
 * a shared mode, the one made last (then the larger uid) reads on every device, as a person's
 * latest choice; the other stays in the document, read again once the first is removed or no
 * longer shares its mode. A device's own new override is therefore always the one it shows.
 */
function wantedOverrides(library: Y.Doc): {
  wanted: Map<string, OverrideValues>;
  hiddenBy: Map<string, { target: string; uid: string }>;
} {
  const live: Array<OverrideValues & { uid: string }> = [];
  overrides(library).forEach((value, uid) => {
    if (!(value instanceof Y.Map)) return;
    const entry = value as Y.Map<unknown>;
    if (fieldOf(entry, 'deleted') === true) return;
    const check = checkRule(
      stringField(entry, 'source'),
      stringField(entry, 'target'),
      modesOf(stringField(entry, 'modes')),
    );
    if (!check.ok) return;
    const { rule } = check;
    live.push({
      uid,
      source: rule.source,
      target: rule.target,
      modes: modesText(rule.modes),
      created_at: stringField(entry, 'created_at'),
    });
  });
  live.sort((a, b) => compare(b.created_at, a.created_at) || compare(b.uid, a.uid));
  const wanted = new Map<string, OverrideValues>();
  const hiddenBy = new Map<string, { target: string; uid: string }>();
  const kept: typeof live = [];
  for (const o of live) {
    const over = kept.find((k) => k.source === o.source && modesOverlap(modesOf(k.modes), modesOf(o.modes)));
    if (over) {
      hiddenBy.set(o.uid, { target: over.target, uid: over.uid });
      continue;
    }
    kept.push(o);
    wanted.set(o.uid, { source: o.source, target: o.target, modes: o.modes, created_at: o.created_at });
  }
  return { wanted, hiddenBy };
}

function projectOverrides(db: Db, library: Y.Doc, hidden: (h: HiddenOverride) => void): void {
  const { wanted, hiddenBy } = wantedOverrides(library);
  const rows = preparedStatement(db, 'SELECT id, uid, source, target, modes, created_at FROM term_override')
    .pluck(false)
    .all() as Array<OverrideValues & { id: number; uid: string }>;
  const have = new Set<string>();
  for (const row of rows) {
    const values = wanted.get(row.uid);
    if (!values) {
      preparedStatement(db, 'DELETE FROM term_override WHERE id = ?').run(row.id);
      const by = hiddenBy.get(row.uid);
      if (by !== undefined) {
        const over = overrides(library).get(by.uid);
        const keptBy = over instanceof Y.Map ? fieldWriter(library, over as Y.Map<unknown>, 'target') : null;
        hidden({ path: `overrides/${row.uid}`, field: 'target', lost: row.target, kept: by.target, keptBy });
      }
      continue;
    }
    have.add(row.uid);
    if (overrideFields.every((f) => row[f] === values[f])) continue;
    preparedStatement(
      db,
      'UPDATE term_override SET source = ?, target = ?, modes = ?, created_at = ? WHERE id = ?',
    ).run(values.source, values.target, values.modes, values.created_at, row.id);
  }
  for (const [uid, values] of wanted) {
    if (have.has(uid)) continue;
    preparedStatement(
      db,
      'INSERT INTO term_override (source, target, modes, created_at, uid) VALUES (?, ?, ?, ?, ?)',
    ).run(values.source, values.target, values.modes, values.created_at, uid);
  }
}

/** A vocabulary row's values, less its local id, uid and the title it is read with. */
type VocabularyValues = Omit<VocabularyRow, 'id' | 'article_title'>;

/** The journal's own column list less the local id and the uid that keys the entry. */
const vocabularyColumns = replicatedColumns('vocabulary', ['id', 'uid']);

/**
 * A vocabulary entry as this device can hold it: linked to its article and paragraph when this
 * device has them (else kept unlinked, as a word whose article was deleted is, and linked when
 * the article comes: syncModel projects the library again then); undefined when its values break
 * the table's checks.
 */
function vocabularyRow(db: Db, entry: Y.Map<unknown>, placed: WordPlaces): VocabularyValues | undefined {
  const num = (field: string) => {
    const v = fieldOf(entry, field);
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  };
  const word = stringField(entry, 'word');
  const start = num('start_offset') ?? 0;
  const end = num('end_offset') ?? 0;
  const sentenceOffset = num('sentence_offset') ?? 0;
  if (word === '' || start < 0 || end < start || sentenceOffset < 0) return undefined;
  const article = fieldOf(entry, 'article');
  const articleId = typeof article === 'string' ? (articleIdOfUid(db, article) ?? null) : null;
  // Its paragraph where its place leads here (a word saved before places were: its position, in the split the library names none of).
  const position = num('paragraph');
  const key = stringField(entry, 'place') || (position === undefined ? '' : String(position));
  // Only to a paragraph of the same text: a re-clean unlinks a word whose paragraph is gone (ON DELETE SET NULL).
  const at = articleId !== null && typeof article === 'string' ? placed(articleId, article)?.place(key) : undefined;
  const ord = at && !at.moved ? at.ord : undefined;
  const paragraphId: unknown =
    articleId !== null && ord !== undefined
      ? preparedStatement(db, 'SELECT id FROM paragraph WHERE article_id = ? AND ord = ?')
          .pluck(true)
          .get(articleId, ord)
      : undefined;
  return {
    word,
    stored_word: stringField(entry, 'stored_word'),
    reading: stringField(entry, 'reading'),
    sense: stringField(entry, 'sense'),
    sentence: stringField(entry, 'sentence'),
    sentence_offset: sentenceOffset,
    article_id: articleId,
    paragraph_id: typeof paragraphId === 'number' ? paragraphId : null,
    start_offset: start,
    end_offset: end,
    created_at: stringField(entry, 'created_at'),
    updated_at: stringField(entry, 'updated_at'),
  };
}

function projectVocabulary(db: Db, library: Y.Doc, placed: WordPlaces): void {
  const wanted = new Map<string, VocabularyValues>();
  vocabulary(library).forEach((value, uid) => {
    const values = entryValues(db, value, placed);
    if (values) wanted.set(uid, values);
  });
  const rows = preparedStatement(db, `SELECT id, uid, ${vocabularyColumns.join(', ')} FROM vocabulary`)
    .pluck(false)
    .all() as Array<VocabularyValues & { id: number; uid: string }>;
  for (const row of rows) {
    writeVocabularyRow(db, row.uid, row, wanted.get(row.uid));
    wanted.delete(row.uid);
  }
  for (const [uid, values] of wanted) writeVocabularyRow(db, uid, undefined, values);
}

/** The named entries' rows as the document says (projectVocabulary's, for a few words). */
function projectVocabularyEntries(db: Db, library: Y.Doc, uids: Iterable<string>, placed: WordPlaces): void {
  const map = vocabulary(library);
  for (const uid of uids) {
    const row = preparedStatement(db, `SELECT id, ${vocabularyColumns.join(', ')} FROM vocabulary WHERE uid = ?`)
      .pluck(false)
      .get(uid) as (VocabularyValues & { id: number }) | undefined;
    writeVocabularyRow(db, uid, row, entryValues(db, map.get(uid), placed));
  }
}

/** The row a vocabulary entry says, or undefined for an entry deleted or not a word's. */
function entryValues(db: Db, value: unknown, placed: WordPlaces): VocabularyValues | undefined {
  return value instanceof Y.Map && fieldOf(value as Y.Map<unknown>, 'deleted') !== true
    ? vocabularyRow(db, value as Y.Map<unknown>, placed)
    : undefined;
}

/** An article's places (paragraphPlaces), found once per projection. */
type WordPlaces = (articleId: number, uid: string) => Places | undefined;

function wordPlaces(db: Db, library: Y.Doc, articleDoc: (uid: string) => Y.Doc | undefined): WordPlaces {
  const found = new Map<number, Places>();
  return (articleId, uid) => {
    let places = found.get(articleId);
    if (!places) found.set(articleId, (places = placesOf(db, articleId, uid, library, articleDoc(uid))));
    return places;
  };
}

/** The word's row made what its entry says: removed (no values), changed where it differs, or added. */
function writeVocabularyRow(
  db: Db,
  uid: string,
  row: (VocabularyValues & { id: number }) | undefined,
  values: VocabularyValues | undefined,
): void {
  if (!values) {
    if (row) preparedStatement(db, 'DELETE FROM vocabulary WHERE id = ?').run(row.id);
    return;
  }
  if (row) {
    if (vocabularyColumns.every((c) => row[c] === values[c])) return;
    preparedStatement(
      db,
      `UPDATE vocabulary SET ${vocabularyColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ).run(...vocabularyColumns.map((c) => values[c]), row.id);
    return;
  }
  preparedStatement(
    db,
    `INSERT INTO vocabulary (uid, ${vocabularyColumns.join(', ')}) VALUES (?, ${vocabularyColumns.map(() => '?').join(', ')})`,
  ).run(uid, ...vocabularyColumns.map((c) => values[c]));
}

/** A change of overrides may show one the document held unshown: the library is projected after it. */
export function touchesOverrides(changes: readonly RowChange[]): boolean {
  return changes.some((c) => c.table === 'term_override' && c.before !== null);
}

/**
 * Whether a word in the vocabulary waits for this article (saved in it on another device before
 * this one had it): a newly stored article's words are linked to it then. Asked for every article
 * an import stores, so it reads only the rows of words with no article here (projected from the
 * document, unlinked: the article was absent or deleted), by index, and only their entries: none,
 * for nearly every import, and the document is not read at all.
 */
export function hasVocabularyWaitingFor(db: Db, library: Y.Doc, articleUid: string): boolean {
  const unlinked = preparedStatement(db, 'SELECT uid FROM vocabulary WHERE article_id IS NULL').pluck(true).all() as string[];
  if (unlinked.length === 0) return false;
  const map = vocabulary(library);
  return unlinked.some((uid) => {
    const entry = map.get(uid);
    return entry instanceof Y.Map && (entry as Y.Map<unknown>).get('article') === articleUid;
  });
}

/**
 * The list is a set (frequency lists fold and compare it as one): a row holding the same words
 * in another order, as the person wrote them, is left as it is.
 */
function projectStopWords(db: Db, library: Y.Doc): void {
  const map = stopWords(library);
  const row = preparedStatement(db, 'SELECT words, updated_at FROM stop_word_list WHERE id = 1').pluck(false).get() as
    { words: string; updated_at: string } | undefined;
  if (map.get('custom') !== true) {
    if (row && map.has('custom')) preparedStatement(db, 'DELETE FROM stop_word_list WHERE id = 1').run();
    return;
  }
  const words = liveStopWords(map);
  const updatedAt = stringField(map, 'updated_at');
  if (row && row.updated_at === updatedAt && sameSet(wordsOf(row.words), words)) return;
  preparedStatement(
    db,
    `INSERT INTO stop_word_list (id, words, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET words = excluded.words, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(words), updatedAt);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((w) => set.has(w));
}

/** The word data the library document holds, for the canonical dump. */
export function wordDataState(library: Y.Doc): Record<string, unknown> {
  return {
    overrides: overrides(library).toJSON(),
    vocabulary: vocabulary(library).toJSON(),
    stopWords: stopWords(library).toJSON(),
  };
}

/** The word data rows projected here, keyed by uid (never local ids); the stop words as a sorted set. */
export function wordDataRows(db: Db): Record<string, unknown> {
  const overrideRows = db.prepare('SELECT uid, source, target, modes, created_at FROM term_override').all() as Array<
    Record<string, unknown> & { uid: string }
  >;
  const words = db
    .prepare(
      `SELECT v.uid, v.word, v.stored_word, v.reading, v.sense, v.sentence, v.sentence_offset, a.uid AS article,
         p.ord AS paragraph, v.start_offset, v.end_offset, v.created_at, v.updated_at
       FROM vocabulary v LEFT JOIN article a ON a.id = v.article_id LEFT JOIN paragraph p ON p.id = v.paragraph_id`,
    )
    .all() as Array<Record<string, unknown> & { uid: string }>;
  const list = db.prepare('SELECT words, updated_at FROM stop_word_list WHERE id = 1').get() as
    { words: string; updated_at: string } | undefined;
  return {
    termOverrides: Object.fromEntries(overrideRows.map((r) => [r.uid, r])),
    vocabulary: Object.fromEntries(words.map((r) => [r.uid, r])),
    stopWords: list ? { words: wordsOf(list.words).sort(), updated_at: list.updated_at } : null,
  };
}

/**
 * Word data rows the library document has never heard of, as the changes that made them: written
 * outside the journal (a JSON backup merged in), so the projection does not take them away.
 */
export function unknownWordDataRows(db: Db, library: Y.Doc): RowChange[] {
  // A key whose value another device's write over it deleted (the new one not arrived) is known too.
  const known = (map: Y.Map<unknown>) => (c: RowChange) => !hasHeld(map, String(c.after!.uid));
  return [
    ...rowsAsInserts(db, 'term_override').filter(known(overrides(library))),
    ...rowsAsInserts(db, 'vocabulary').filter(known(vocabulary(library))),
    ...(hasHeld(stopWords(library), 'custom') ? [] : rowsAsInserts(db, 'stop_word_list')),
  ];
}

/** Word data as made before sync replicated it: written into the document once (syncModel's seeding). */
export function wordDataAsInserts(db: Db): RowChange[] {
  return [
    ...rowsAsInserts(db, 'term_override'),
    ...rowsAsInserts(db, 'vocabulary'),
    ...rowsAsInserts(db, 'stop_word_list'),
  ];
}

function uidOfRow(db: Db, table: 'term_override' | 'vocabulary', id: unknown): string | undefined {
  const uid: unknown = preparedStatement(db, `SELECT uid FROM ${table} WHERE id = ?`).pluck(true).get(Number(id));
  return typeof uid === 'string' ? uid : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
