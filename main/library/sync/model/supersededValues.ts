import * as Y from 'yjs';
import { writerOf, type Writer } from './writers';

/** A value this device showed that another device's concurrent write replaced. */
export interface Superseded {
  /** The entry: a top-level type's name, or `<top-level name>/<key>` for an entry nested in one. */
  path: string;
  field: string;
  lost: unknown;
  kept: unknown;
  /** Who wrote the value that won, as their device recorded it; null when it recorded nobody (written before writers were). */
  keptBy: Writer | null;
}

/**
 * The values a remote transaction overwrote without its writer having seen them. In a Y.Map,
 * each write of a key records the item it replaced as its origin: a winning item whose chain of
 * origins (through items new in this transaction) does not reach the value shown here before
 * was written concurrently with it, so that value was lost, not edited. A value of ours that won
 * is no loss here (the other device records its own).
 */
export function supersededBy(doc: Y.Doc, transaction: Y.Transaction): Superseded[] {
  const found: Superseded[] = [];
  const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  transaction.changed.forEach((keys, type) => {
    // A run of a note's rich text keeps its format in a map inside the text (richNoteText): merged as the text is.
    if (!(type instanceof Y.Map) || type.parent instanceof Y.XmlText) return;
    for (const key of keys) {
      if (key === null) continue;
      const current = type._map.get(key);
      if (!current || current.deleted) continue;
      let shown: Y.Item | null = current;
      while (shown && isNew(shown)) shown = shown.left;
      if (!shown || shown === current || !isNew(current)) continue;
      let seen: Y.Item | null = current;
      const visited = new Set<Y.Item>();
      while (seen && seen !== shown && isNew(seen) && !visited.has(seen)) {
        visited.add(seen);
        const origin: Y.ID | null = seen.origin;
        const next: unknown = origin ? Y.getItem(doc.store, origin) : null;
        seen = next instanceof Y.Item ? next : null;
      }
      if (seen === shown) continue;
      const lost = valueOf(shown);
      const kept = valueOf(current);
      if (lost === undefined || lost === kept || bookkeeping.has(key)) continue;
      found.push({
        path: pathOf(type as Y.AbstractType<unknown>),
        field: key,
        lost,
        kept,
        keptBy: writerOf(doc, current),
      });
    }
  });
  return found;
}

/**
 * Fields no person chose: when a note's text merged, its editor state and Markdown are made
 * again from the merged text (as is what it read as after a save, `saved_shape`), and times say
 * only when an edit was made.
 */
const bookkeeping = new Set(['updated_at', 'saved_text', 'editor_state', 'markdown', 'saved_shape']);

function valueOf(item: Y.Item): unknown {
  const [value] = item.content.getContent() as unknown[];
  // Nested types are never overwritten by our writes (docShape): only plain values are compared.
  return value instanceof Y.AbstractType ? undefined : value;
}

function pathOf(type: Y.AbstractType<unknown>): string {
  const item = type._item;
  if (!item) return Y.findRootTypeKey(type);
  const parent = item.parent;
  const parentName = parent instanceof Y.AbstractType ? pathOf(parent) : '';
  return `${parentName}/${item.parentSub ?? ''}`;
}

/** A row of sync_superseded as the model and the conflict list read it. */
export interface SupersededRow {
  id: number;
  doc: string;
  path: string;
  field: string;
  lost: string;
  kept: string;
  recorded_at: string;
  kept_member: string | null;
  kept_member_name: string | null;
  kept_device: string | null;
}

export const supersededRowColumns =
  'id, doc, path, field, lost, kept, recorded_at, kept_member, kept_member_name, kept_device';
