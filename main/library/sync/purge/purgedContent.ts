import * as Y from 'yjs';

/**
 * The documents' garbage-collection filter (docStore): Yjs may drop the content of an item only
 * when it belongs to a highlight entry removed from the `highlights` map (a purge: nothing else
 * ever removes an entry there, docShape), or is a device's seen-report written over by its next.
 * Every other deleted or overwritten value stays, as before, to be shown and restored.
 */
export function purgedContentOnly(item: Y.Item): boolean {
  let current: Y.Item = item;
  for (;;) {
    const parent = current.parent;
    if (!(parent instanceof Y.AbstractType)) return false;
    const above = parent._item;
    if (above !== null) {
      current = above;
      continue;
    }
    const doc = parent.doc;
    if (doc === null) return false;
    if (doc.share.get('highlights') === parent) return current.deleted && current.content instanceof Y.ContentType;
    // A report written over (only the device's last one is read).
    if (doc.share.get('purge_seen') === parent) return current === item && item.deleted;
    return false;
  }
}
