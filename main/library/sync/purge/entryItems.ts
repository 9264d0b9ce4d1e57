import * as Y from 'yjs';

/**
 * Every Yjs item a nested entry is made of: its own, each field's value and the values written
 * over (documents keep them, gc is off for them), and its nested types' items (a comment's
 * characters, deleted ones too). What a state vector must cover for the entry to be "seen".
 */
export function itemsOf(entry: Y.Map<unknown>): Y.Item[] {
  const out: Y.Item[] = [];
  if (entry._item) out.push(entry._item);
  collect(entry, out);
  return out;
}

/** A Yjs type's items: its sequence (`_start`) and its keys' values (`_map`). */
interface Items {
  _start: Y.Item | null;
  _map: Map<string, Y.Item>;
}

function collect(type: Items, out: Y.Item[]): void {
  const take = (item: Y.Item) => {
    out.push(item);
    if (item.content instanceof Y.ContentType) collect(item.content.type, out);
  };
  for (let item = type._start; item !== null; item = item.right) take(item);
  for (const last of type._map.values()) {
    for (let item: Y.Item | null = last; item !== null; item = item.left) take(item);
  }
}

/** Whether a state vector (client -> next clock) includes the whole item. */
export function covers(stateVector: ReadonlyMap<number, number>, item: Y.Item): boolean {
  return item.id.clock + item.length <= (stateVector.get(item.id.client) ?? 0);
}

/** Whether `outer` includes everything `inner` does. */
export function includesState(outer: ReadonlyMap<number, number>, inner: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of inner) if ((outer.get(client) ?? 0) < clock) return false;
  return true;
}

export const stateVectorOf = (doc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(doc));

export const encodeState = (state: Map<number, number>): string => Buffer.from(Y.encodeStateVector(state)).toString('base64');

export const decodeState = (text: string): Map<number, number> => Y.decodeStateVector(Buffer.from(text, 'base64'));
