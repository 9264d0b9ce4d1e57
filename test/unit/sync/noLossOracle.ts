/**
 * The no-loss oracle of sync (#19): given every change the devices' journals recorded (keyed by
 * uid, from any device, in any order) and the state the devices converged to, it names every
 * piece of a person's work that is gone without a record saying why. Pure: no library, no files.
 *
 * - Every created item (highlight, tag, tag assignment, term override, vocabulary word) is live,
 *   or deleted by a recorded delete (a tag may also live on in the tag it was merged into, an
 *   override hidden by another device's of the same source and mode is recorded as superseded).
 * - Every value written (a highlight's colour and range, a tag's name, an override's target, a
 *   word's reading and sense) is the value now, or was
 *   overwritten by a recorded change that had seen it, or is kept as superseded (sync_superseded)
 *   on a device where a concurrent write replaced it.
 * - Every piece of text inserted into a note or a highlight's comment is there now, or a recorded
 *   edit that had seen it or deleted part of it covers it, or its note or highlight was deleted by
 *   a recorded delete.
 */

export type OracleValue = string | number | null;
export type OracleFields = Record<string, OracleValue>;

/** One row change of one device's journal, by uid (an undone entry is recorded again, reversed). */
export interface OracleChange {
  device: string;
  kind: 'highlight' | 'tag' | 'assignment' | 'note' | 'override' | 'word';
  /**
   * highlight, tag, override (a term override), word (a vocabulary word): the uid; assignment: `h:<highlight uid>:<tag uid>` or `p:<article uid>:<ord>:<tag uid>`;
   * note: `<article uid>:<ord>`.
   */
  id: string;
  /** null: the change created it. */
  before: OracleFields | null;
  /** null: the change deleted it. */
  after: OracleFields | null;
}

export interface OracleSuperseded {
  /** `<map>/<uid>`: the entry whose field lost a value. */
  path: string;
  field: string;
  lost: unknown;
}

/** The converged state, as a device's sync model dumps it: its documents and its projected rows. */
export interface OracleState {
  docs: unknown;
  rows: unknown;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value !== null && typeof value === 'object' ? (value as Obj) : {});

/** Fields whose values are last-writer-wins in the documents: a concurrent write replaces one. */
const valueFields: Partial<Record<OracleChange['kind'], string[]>> = {
  highlight: ['color', 'start_offset', 'end_offset'],
  tag: ['name'],
  override: ['target'],
  word: ['reading', 'sense'],
};

/** Fields that merge by character: a concurrent edit keeps both insertions. */
const textFields: Partial<Record<OracleChange['kind'], string>> = { note: 'plain_text', highlight: 'comment' };

/** The text `after` has that `before` had not, and the text `before` had that `after` has not (one edit, by common prefix and suffix). */
export function textEdit(before: string, after: string): { inserted: string; deleted: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return { inserted: after.slice(start, after.length - end), deleted: before.slice(start, before.length - end) };
}

function shareText(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  if (short.length < 2) return long.includes(short);
  for (let i = 0; i + 2 <= short.length; i++) if (long.includes(short.slice(i, i + 2))) return true;
  return false;
}

/** Every loss the oracle finds, as sentences; empty when nothing was lost. */
export function findLosses(
  changes: readonly OracleChange[],
  state: OracleState,
  superseded: readonly OracleSuperseded[],
): string[] {
  const docs = obj(state.docs);
  const rows = obj(state.rows);
  const library = obj(docs.library);
  const docTags = obj(library.tags);
  const liveTags = obj(rows.tags);
  const liveHighlights = obj(rows.highlights);
  const paragraphTags = obj(rows.paragraphTags);
  const liveNotes = obj(rows.notes);
  const docOverrides = obj(library.overrides);
  const docWords = obj(library.vocabulary);
  const docHighlights = new Map<string, Obj>();
  const docNotes = new Map<string, string>();
  for (const [name, doc] of Object.entries(docs)) {
    if (!name.startsWith('article/')) continue;
    for (const [uid, entry] of Object.entries(obj(obj(doc).highlights))) docHighlights.set(uid, obj(entry));
    for (const [ord, note] of Object.entries(obj(obj(doc).notes))) {
      const text = obj(note).text;
      if (typeof text === 'string') docNotes.set(`${name.slice('article/'.length)}:${ord}`, text);
    }
  }

  /** The live tag a tag uid stands for now, following merges; undefined when none. */
  const resolveTag = (uid: string): string | undefined => {
    const seen = new Set<string>();
    let current: string | undefined = uid;
    while (current !== undefined && !seen.has(current)) {
      if (liveTags[current] !== undefined) return current;
      seen.add(current);
      const into: unknown = obj(docTags[current]).merged_into;
      current = typeof into === 'string' ? into : undefined;
    }
    return undefined;
  };

  const byItem = new Map<string, OracleChange[]>();
  for (const change of changes) {
    const key = `${change.kind}|${change.id}`;
    byItem.set(key, [...(byItem.get(key) ?? []), change]);
  }
  const changesOf = (kind: OracleChange['kind'], id: string) => byItem.get(`${kind}|${id}`) ?? [];
  const recordedDelete = (kind: OracleChange['kind'], id: string) => changesOf(kind, id).some((c) => c.after === null);

  const isLive = (change: OracleChange): boolean => {
    switch (change.kind) {
      case 'highlight':
        return liveHighlights[change.id] !== undefined;
      case 'tag':
        return resolveTag(change.id) !== undefined;
      case 'note':
        return liveNotes[change.id] !== undefined;
      case 'override':
        // Live, or hidden by another device's override of its source and mode, and recorded so where it was shown.
        return (
          obj(rows.termOverrides)[change.id] !== undefined ||
          superseded.some((s) => s.path === `overrides/${change.id}` && s.field === 'target')
        );
      case 'word':
        return obj(rows.vocabulary)[change.id] !== undefined;
      case 'assignment': {
        const parts = change.id.split(':');
        const tag = resolveTag(parts.at(-1) ?? '');
        if (tag === undefined) return false;
        const tags =
          parts[0] === 'h' ? obj(liveHighlights[parts[1] ?? '']).tags : paragraphTags[`${parts[1]}:${parts[2]}`];
        // An assignment may be dumped with who made it ("<tag uid> by <member uid>").
        return Array.isArray(tags) && tags.some((t) => String(t).split(' ')[0] === tag);
      }
    }
  };

  /**
   * A recorded delete of the item, or of what it hangs on: its highlight, or for an assignment a
   * tag it stands for now or through a merge, or that assignment under such a tag.
   */
  const deleteCovers = (change: OracleChange): boolean => {
    if (recordedDelete(change.kind, change.id)) return true;
    if (change.kind !== 'assignment') return false;
    const parts = change.id.split(':');
    if (parts[0] === 'h' && recordedDelete('highlight', parts[1] ?? '')) return true;
    const owner = parts.slice(0, -1).join(':');
    let tag: string | undefined = parts.at(-1);
    const seen = new Set<string>();
    while (tag !== undefined && !seen.has(tag)) {
      if (recordedDelete('tag', tag) || recordedDelete('assignment', `${owner}:${tag}`)) return true;
      seen.add(tag);
      const into: unknown = obj(docTags[tag]).merged_into;
      tag = typeof into === 'string' ? into : undefined;
    }
    return false;
  };

  const losses: string[] = [];
  for (const change of changes) {
    const what = `${change.kind} ${change.id} (${change.device})`;
    // 1. Created: live, or deleted by a record.
    if (change.before === null && change.after !== null && !isLive(change) && !deleteCovers(change))
      losses.push(`${what} was created and is neither live nor deleted by a recorded delete`);

    // 2. Values written: still there, overwritten by someone who saw them, or superseded.
    if (change.after !== null) {
      const entry =
        change.kind === 'highlight'
          ? docHighlights.get(change.id)
          : obj((change.kind === 'override' ? docOverrides : change.kind === 'word' ? docWords : docTags)[change.id]);
      for (const field of valueFields[change.kind] ?? []) {
        const value = change.after[field];
        if (change.before !== null && change.before[field] === value) continue;
        if (entry?.[field] === value) continue;
        const seenAndChanged = changesOf(change.kind, change.id).some(
          (c) => c.before !== null && c.before[field] === value && (c.after === null || c.after[field] !== value),
        );
        if (seenAndChanged) continue;
        if (superseded.some((s) => s.path.endsWith(`/${change.id}`) && s.field === field && s.lost === value)) continue;
        losses.push(`${what}: its ${field} ${JSON.stringify(value)} is gone and not recorded as superseded`);
      }
    }

    // 3. Text inserted into a note or a highlight's comment (both merge by character).
    const textField = textFields[change.kind];
    if (textField !== undefined && change.after !== null) {
      const { inserted } = textEdit(String(change.before?.[textField] ?? ''), String(change.after[textField] ?? ''));
      if (inserted === '') continue;
      const live = change.kind === 'note' ? obj(liveNotes[change.id]).plain_text : liveHighlights[change.id];
      const comment = docHighlights.get(change.id)?.comment;
      const held =
        change.kind === 'note' ? (docNotes.get(change.id) ?? '') : typeof comment === 'string' ? comment : '';
      const now = typeof live === 'string' ? live : held;
      if (now.includes(inserted)) continue;
      if (live === undefined && recordedDelete(change.kind, change.id)) continue;
      const covered = changesOf(change.kind, change.id).some((c) => {
        if (c === change || c.before === null) return false;
        const before = String(c.before[textField] ?? '');
        const after = c.after === null ? '' : String(c.after[textField] ?? '');
        // Seen and edited there, or a deletion that took part of it.
        return (
          (before.includes(inserted) && !after.includes(inserted)) ||
          shareText(textEdit(before, after).deleted, inserted)
        );
      });
      if (!covered) losses.push(`${what}: the text ${JSON.stringify(inserted)} inserted into its ${textField} is gone`);
    }
  }
  return losses;
}
