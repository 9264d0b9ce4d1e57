import * as Y from 'yjs';
import { journaledTables, type JournaledTable } from '../../journal/journaledTables';

/**
 * What the documents hold. The 'library' document: `tags` (uid -> a nested map: name, colour,
 * description, `deleted`, `merged_into`), `memos` (the library journal's entries, uid -> a nested
 * map with a nested Y.Text), `attributes` (uid -> name, kind, choices, `deleted`, `merged_into`) and one
 * top-level map `article/<uid>` per article's details, its attribute values among them. An 'article/<uid>' document: `highlights` (uid -> one nested map per highlight, so two
 * devices' edits of different fields both stay; its comment a nested Y.Text), `tagged` (an assignment's key -> true when on,
 * false when taken off: `h:<highlight uid>:<tag uid>` or `p:<place>:<tag uid>`), and per
 * paragraph note a top-level map `note/<place>` and a top-level Y.XmlText `notexml/<place>` holding
 * the note as rich text (richNoteText, @lexical/yjs), so edits on two devices merge by character
 * and keep their formatting; the article's memo likewise as `memo` and `memoxml`, a journal
 * memo's as the library document's top-level `memoxml/<uid>`. A note or memo written before
 * rich text held its words in a plain Y.Text (`notetext/<ord>`, `memotext`, a journal memo's
 * nested `text`): read while its XmlText is empty, and laid into it at its first rich save.
 * A highlight's comment stays a plain Y.Text: it is plain text (2,000 characters, no formatting).
 * A place is a paragraph position in one split of the article's text (paragraphPlaces): data
 * keyed by a paragraph follows its paragraph into a re-imported or re-cleaned text.
 *
 * What two devices may make at once without having seen each other's (an article's details, the
 * note of one paragraph) is a top-level type, named: Yjs makes those one type on every device,
 * where two nested maps made at once under one key would keep one and drop the other.
 * Nothing a person wrote is ever removed from a document: a delete sets `deleted`, a merge sets
 * `merged_into`, and an entry's keys are only ever set, never deleted.
 */
/*
 * The person's (or team's) other data, replicated the same way (soft deletes, a field per value,
 * projected in the same transaction, undo per person, in the canonical dump):
 * - term overrides, the vocabulary and the stop-word list: the library document's `overrides`,
 *   `vocabulary` and `stopwords` (wordData.ts). A translator's conversions, a learner's words and
 *   a researcher's stop words are what they made and expect on their other computer and in their
 *   team's library; a device without them would read, export and count differently.
 * - a paragraph's kind the person set (a hidden line put back as body): an article document's
 *   `kinds` (paragraphKinds.ts); paragraph.kind with kind_by_user, which a re-clean keeps too.
 * - a corrected source region: an article detail (articleFields) since sync began.
 * What stays on this computer, and why:
 * - reading_position and last_opened_at: where this reader stopped on this screen, written at
 *   scrolling speed outside the journal; in a team library one member's place would move
 *   another's (a per-member progress is a later feature, not a shared field).
 * - word_segmentation, article_fingerprint and article_band, the search indexes: derived caches,
 *   made again from the text and the replicated data (the vocabulary is the own-word list).
 * - the undo journal (per person, per device), the sync tables, the settings files beside the
 *   library (sync folder, export folder): this device's own bookkeeping.
 */
export type FieldValue = string | number | boolean | null;

export const highlightFields = [
  'paragraph',
  'start_offset',
  'end_offset',
  'quote',
  'prefix',
  'suffix',
  'color',
  'group_id',
  'created_at',
  'updated_at',
  'made_by',
] as const;

/**
 * A journaled table's columns that a document holds as fields (and its projection writes back):
 * all but the local ones (rowids, and the uid that keys the entry). From the journal's own list,
 * so a column a person's operation comes to change is replicated with the rest.
 */
export function replicatedColumns<T extends JournaledTable, Local extends string>(
  table: T,
  local: readonly Local[],
): ReadonlyArray<Exclude<(typeof journaledTables)[T]['columns'][number], Local>> {
  const columns: readonly string[] = journaledTables[table].columns;
  return columns.filter((c) => !(local as readonly string[]).includes(c)) as Array<
    Exclude<(typeof journaledTables)[T]['columns'][number], Local>
  >;
}

export const articleFields = replicatedColumns('article', ['id']);
export const tagFields = replicatedColumns('tag', ['id', 'uid']);
export const attributeFields = replicatedColumns('attribute', ['id', 'uid']);
/** An attribute's value on an article: a field of the article's details in the library document (null: none). */
export const attributeKey = (attributeUid: string) => `attr:${attributeUid}`;
export const descriptionFields = replicatedColumns('tag_description', ['tag_id']);

export const highlightKey = (highlightUid: string, tagUid: string) => `h:${highlightUid}:${tagUid}`;
/** A paragraph's assignment, by its place (paragraphPlaces: a position, in the split the key names). */
export const paragraphKey = (place: string | number, tagUid: string) => `p:${place}:${tagUid}`;

export type Assignment =
  { on: 'highlight'; highlight: string; tag: string } | { on: 'paragraph'; place: string; tag: string };

export function parseAssignment(key: string): Assignment | undefined {
  const [kind, owner, tag] = key.split(':');
  if (owner === undefined || tag === undefined) return undefined;
  if (kind === 'h') return { on: 'highlight', highlight: owner, tag };
  if (kind === 'p' && /^\d+(?:@[0-9a-f]{16})?$/.test(owner)) return { on: 'paragraph', place: owner, tag };
  return undefined;
}

export const root = (
  doc: Y.Doc,
  name: 'tags' | 'highlights' | 'tagged' | 'memos' | 'attributes' | 'members' | 'taggedby',
) => doc.getMap<unknown>(name);

/**
 * Team work (migration 0029): the library document's `members` (member uid -> a nested map:
 * name, color); an article document's `taggedby` (an assignment's key, as in `tagged` -> the
 * member uid who turned it on). A highlight, note and memo entry holds its maker as `made_by`.
 * A maker is written when the item is made and never by an edit; '' is a maker nobody recorded.
 */
export const memberFields = ['name', 'color'] as const;

/** An article's one memo: top-level in its document, as a note is, so two devices' first words both stay. */
export const articleMemo = (doc: Y.Doc) => doc.getMap<unknown>('memo');
export const articleMemoText = (doc: Y.Doc) => doc.getText('memotext');
export const hasArticleMemo = (doc: Y.Doc) => doc.share.has('memo');

/** A nested entry's text (a journal memo's), made when it is new: only its maker makes it, under its own uid. */
export function nestedText(entry: Y.Map<unknown>, key: string): Y.Text {
  const found = entry.get(key);
  if (found instanceof Y.Text) return found;
  const made = new Y.Text();
  entry.set(key, made);
  return made;
}

export const articleEntry = (doc: Y.Doc, uid: string) => doc.getMap<unknown>(`article/${uid}`);

/**
 * The article's field, in the library document, naming the hash of its text version now (absent:
 * its first, the uid). Set by a re-import from an edited file; the annotations the article's
 * document holds are placed in that version's text (sync/text/articleTexts).
 */
export const versionKey = 'text';

/** The hash of the article's text version the library document names (its uid when it names none). */
export function currentVersion(library: Y.Doc, uid: string): string {
  if (!library.share.has(`article/${uid}`)) return uid;
  const hash = articleEntry(library, uid).get(versionKey);
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : uid;
}
/** A paragraph's note, by its place (paragraphPlaces): `note/<position>` or `note/<position>@<split>`. */
export const noteEntry = (doc: Y.Doc, place: string | number) => doc.getMap<unknown>(`note/${place}`);
export const noteText = (doc: Y.Doc, place: string | number) => doc.getText(`notetext/${place}`);
export const noteXml = (doc: Y.Doc, place: string | number) =>
  doc.get<typeof Y.XmlText>(`notexml/${place}`, Y.XmlText);
export const articleMemoXml = (doc: Y.Doc) => doc.get<typeof Y.XmlText>('memoxml', Y.XmlText);
export const journalMemoXml = (library: Y.Doc, uid: string) =>
  library.get<typeof Y.XmlText>(`memoxml/${uid}`, Y.XmlText);

/** The uids of the articles whose details the library document holds. */
export function articleEntryUids(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((k) => k.startsWith('article/')).map((k) => k.slice('article/'.length));
}

/** The places (paragraphPlaces) that have a note entry in an article document, in key order. */
export function notePlaces(doc: Y.Doc): string[] {
  return [...doc.share.keys()]
    .filter((k) => /^note\/\d+(?:@[0-9a-f]{16})?$/.test(k))
    .map((k) => k.slice('note/'.length))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The entry's nested map, made when it is new. */
export function entryOf(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const found = map.get(key);
  if (found instanceof Y.Map) return found as Y.Map<unknown>;
  const made = new Y.Map<unknown>();
  map.set(key, made);
  return made;
}

/**
 * Every key the map has held, those whose value is deleted now too. Another device's write over a
 * key carries the delete of the value it replaced, and Yjs applies that delete at once while the
 * new value waits for that device's earlier updates (a sync folder brings files in any order):
 * meanwhile `has` says no, though the document knows the key. For "has the document heard of it".
 */
export function heldKeys(map: Y.Map<unknown>): IterableIterator<string> {
  return itemsOf(map).keys();
}

export function hasHeld(map: Y.Map<unknown>, key: string): boolean {
  return itemsOf(map).has(key);
}

/** Every value the key has held, the current one first: Yjs keeps the values written over (gc off). */
export function heldValues(map: Y.Map<unknown>, key: string): unknown[] {
  const found: unknown[] = [];
  for (let item: Y.Item | null = itemsOf(map).get(key) ?? null; item !== null; item = item.left) {
    found.push(item.content.getContent()[0]);
  }
  return found;
}

/** The map's last item per key (Yjs's own table; a key's earlier values hang off it to the left). */
const itemsOf = (map: Y.Map<unknown>) => (map as unknown as { _map: Map<string, Y.Item> })._map;

export function existingEntry(map: Y.Map<unknown>, key: string): Y.Map<unknown> | undefined {
  const found = map.get(key);
  return found instanceof Y.Map ? (found as Y.Map<unknown>) : undefined;
}

/** Sets a field only when it changes: an equal write would still win over another device's concurrent one. */
export function setField(map: Y.Map<unknown>, key: string, value: FieldValue): void {
  if (map.has(key) && map.get(key) === value) return;
  map.set(key, value);
}

export function fieldOf(map: Y.Map<unknown>, key: string): FieldValue {
  const value = map.get(key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** A field's text ('' when unset or not text). */
export function stringField(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

/**
 * Makes `text` read `wanted` by one delete and one insert between their common prefix and
 * suffix, so a concurrent edit elsewhere in the text survives the merge (a highlight's comment;
 * notes and memos are rich text, richNoteText).
 */
export function editText(text: Y.Text, wanted: string): void {
  const current = text.toJSON();
  if (current === wanted) return;
  let start = 0;
  const max = Math.min(current.length, wanted.length);
  while (start < max && current.charCodeAt(start) === wanted.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === wanted.charCodeAt(wanted.length - 1 - end)
  ) {
    end++;
  }
  // Never between the halves of a character outside the BMP (Y.Text counts UTF-16 units as strings do).
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = wanted.slice(start, wanted.length - end);
  if (inserted.length > 0) text.insert(start, inserted);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
