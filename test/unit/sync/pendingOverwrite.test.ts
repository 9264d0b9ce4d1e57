import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll, type Device } from './model/syncedLibraries';

/**
 * A sync folder brings another device's files in any order. A later update that writes over a key
 * (B deleting a highlight writes its assignment off) carries the delete of the value it replaced,
 * and Yjs applies that delete at once while the new value waits for B's earlier update: for that
 * while the key is gone from the document. The device taking it must not read the gone key as a
 * row no document ever knew and write it back on (PIZHU_SYNC_SEED=118: through folders only, C
 * wrote the deleted highlight's assignment on again, and the two transports' documents differed).
 */
const devices = devicesPerTest();

const articleDoc = (d: Device) => d.library.sync.docNames().find((n) => n.startsWith('article/'))!;

const highlightId = (d: Device, uid: string) =>
  d.library.database().prepare('SELECT id FROM highlight WHERE uid = ?').pluck().get(uid) as number;

/** The article document's `tagged` keys of the highlight, as the device's document holds them. */
const assignmentsOf = (d: Device, uid: string): Record<string, unknown> => {
  const docs = d.library.sync.dump() as Record<string, { tagged?: Record<string, unknown> }>;
  const tagged = docs[articleDoc(d)]?.tagged ?? {};
  return Object.fromEntries(Object.entries(tagged).filter(([key]) => key.startsWith(`h:${uid}:`)));
};

/** The clients that ever wrote the key in the device's document (Yjs keeps the items written over). */
const writersOf = (d: Device, key: string, doc: Y.Doc): number[] => {
  const items = (doc.getMap('tagged') as unknown as { _map: Map<string, Y.Item> })._map;
  const clients: number[] = [];
  for (let item: Y.Item | null = items.get(key) ?? null; item !== null; item = item.left) clients.push(item.id.client);
  return clients;
};

describe("another device's overwrite taken before the update it follows", () => {
  it('leaves the assignment as its writers wrote it: off once its highlight is deleted', async () => {
    const all = await devices(3);
    const [a, b, c] = all as [Device, Device, Device];
    const made = a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(0),
      start: 0,
      end: 4,
      color: 'yellow',
      tags: ['夜景'],
    });
    const uid = a.library.database().prepare('SELECT uid FROM highlight WHERE id = ?').pluck().get(made.id) as string;
    syncAll(all);
    const name = articleDoc(a);
    const [key] = Object.keys(assignmentsOf(c, uid));
    expect(assignmentsOf(c, uid)).toEqual({ [key!]: true });

    // B edits the highlight (its first update), then deletes it (its second, writing the assignment off).
    const known = c.library.sync.stateVector(name);
    b.library.annotations.updateHighlight(highlightId(b, uid), 'blue');
    const afterEdit = b.library.sync.stateVector(name);
    const first = b.library.sync.diff(name, known);
    b.library.annotations.deleteHighlight(highlightId(b, uid));
    const second = b.library.sync.diff(name, afterEdit);

    // C takes the second first (as a folder may bring it): the tag's value written over is deleted, the new one waits.
    c.library.sync.apply(name, second);
    expect(assignmentsOf(c, uid)).toEqual({});
    c.library.sync.apply(name, first);
    expect(assignmentsOf(c, uid)).toEqual({ [key!]: false });
    expect(c.library.getArticle(c.articleId).highlights).toEqual([]);

    syncAll(all);
    expectConverged(all);
    for (const d of all) expect(assignmentsOf(d, uid)).toEqual({ [key!]: false });
    // Only A (on) and B (off) wrote it: C, which never touched the highlight, wrote nothing there.
    const cDoc = new Y.Doc();
    Y.applyUpdate(cDoc, c.library.sync.diff(name, new Uint8Array([0])));
    expect(writersOf(c, key!, cDoc)).toHaveLength(2);
  });
});
