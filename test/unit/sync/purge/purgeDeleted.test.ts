import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findLosses, type OracleChange } from '../noLossOracle';
import { devicesPerTest, expectConverged, expectRebuildSame, syncAll, type Device } from '../model/syncedLibraries';

const devices = devicesPerTest();

const highlightsOf = (d: Device) => d.library.getArticle(d.articleId).highlights;

/** A highlight made on A with a comment and synced to the others; its id on each device. */
function sharedHighlight(all: readonly Device[], comment = '河边的路很长'): number[] {
  const [a] = all;
  const made = a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(1), start: 3, end: 7, color: 'yellow' });
  a!.library.annotations.updateHighlightComment(made.id, comment);
  syncAll(all);
  return all.map((d) => {
    const found = highlightsOf(d);
    expect(found).toHaveLength(1);
    return found[0]!.id;
  });
}

type Dump = Record<string, { highlights: Record<string, Record<string, unknown>> }>;
/** The article document's highlight entries, as the canonical dump holds them (deleted ones too). */
function entriesOf(d: Device): Record<string, Record<string, unknown>> {
  const dump = d.library.sync.dump() as Dump;
  const name = Object.keys(dump).find((n) => n.startsWith('article/'))!;
  return dump[name]!.highlights;
}

/** The article document's stored updates, inflated, as the file holds them. */
function storedUpdates(d: Device): Buffer {
  const rows = d.library
    .database()
    .prepare("SELECT data, deflated FROM sync_update WHERE doc LIKE 'article/%' ORDER BY id")
    .all() as Array<{ data: Buffer; deflated: number }>;
  return Buffer.concat(rows.map((r) => (r.deflated === 1 ? Buffer.from(inflateSync(r.data)) : r.data)));
}

const purgedRows = (d: Device) =>
  d.library.database().prepare('SELECT doc, uid, entry FROM sync_purged').all() as Array<{
    doc: string;
    uid: string;
    entry: string;
  }>;

describe('purging a deleted highlight once every device has seen it', () => {
  it('waits for every device, names those it waits for, then removes the entry everywhere and records what it removed', async () => {
    const all = await devices(3);
    const [a, b] = all;
    const [ha] = sharedHighlight(all);
    const uid = Object.keys(entriesOf(a!))[0]!;
    a!.library.annotations.deleteHighlight(ha!);
    // B and C have not seen the delete: nothing is purged, and the status says who holds it back.
    const before = a!.library.sync.purge();
    expect(before).toMatchObject({ purged: 0, waiting: 1, kept: 0 });
    expect(before.heldBackBy.map((h) => [h.name, h.waiting])).toEqual([
      ['laptop B', 1],
      ['laptop C', 1],
    ]);
    // B alone has seen it: C still holds it back.
    syncAll([a!, b!]);
    expect(a!.library.sync.purgeStatus().heldBackBy.map((h) => h.name)).toEqual(['laptop C']);
    syncAll(all);
    const done = a!.library.sync.purge();
    expect(done).toMatchObject({ purged: 1, waiting: 0, heldBackBy: [] });
    expectConverged(all);
    for (const d of all) {
      expect(highlightsOf(d)).toEqual([]);
      expect(entriesOf(d)).toEqual({});
    }
    // Recorded as a delete is journalled: the entry's fields and comment as they were.
    const [record] = purgedRows(a!);
    expect(record).toMatchObject({ uid, doc: expect.stringMatching(/^article\//) as unknown });
    expect(JSON.parse(record!.entry)).toMatchObject({ comment: '河边的路很长', color: 'yellow', deleted: true, quote: expect.any(String) as unknown });
    // Nothing more to purge, and a second pass finds nothing.
    expect(a!.library.sync.purge()).toMatchObject({ purged: 0, waiting: 0 });
    // Rebuilding the rows from the documents alone gives the rows kept incrementally.
    expectRebuildSame(all);
  });

  it('never purges a highlight edited on another device concurrently with its delete: the edit stays in the data', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha, hb] = sharedHighlight(all);
    a!.library.annotations.deleteHighlight(ha!);
    b!.library.annotations.updateHighlight(hb!, 'orange');
    expectConverged(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 0, kept: 1 });
    expectConverged(all);
    for (const d of all) {
      expect(highlightsOf(d)).toEqual([]);
      expect(Object.values(entriesOf(d))).toEqual([expect.objectContaining({ deleted: true, color: 'orange' })]);
    }
  });

  it('never purges a highlight deleted on both devices at once: either one may still undo its delete', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha, hb] = sharedHighlight(all);
    a!.library.annotations.deleteHighlight(ha!);
    b!.library.annotations.deleteHighlight(hb!);
    expectConverged(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 0 });
    expect(b!.library.sync.purge()).toMatchObject({ purged: 0 });
    expect(b!.library.annotations.undo()).toMatchObject({ op: 'highlight.delete' });
    expectConverged(all);
    for (const d of all) expect(highlightsOf(d)).toMatchObject([{ color: 'yellow', comment: '河边的路很长' }]);
  });

  it('purges an edit seen before the delete with it, and the deleter’s undo after the purge gives the highlight back as it was', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha, hb] = sharedHighlight(all);
    b!.library.annotations.updateHighlight(hb!, 'blue');
    syncAll(all);
    a!.library.annotations.deleteHighlight(ha!);
    syncAll(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 1 });
    expectConverged(all);
    expect(a!.library.annotations.undo()).toMatchObject({ op: 'highlight.delete' });
    expectConverged(all);
    for (const d of all) expect(highlightsOf(d)).toMatchObject([{ color: 'blue', comment: '河边的路很长', start: 3, end: 7 }]);
  });

  it('after a purge, another device’s undo of its earlier edit leaves the highlight deleted everywhere', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha, hb] = sharedHighlight(all);
    b!.library.annotations.updateHighlight(hb!, 'blue');
    syncAll(all);
    a!.library.annotations.deleteHighlight(ha!);
    syncAll(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 1 });
    syncAll(all);
    expect(highlightsOf(b!)).toEqual([]);
    b!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) {
      expect(highlightsOf(d)).toEqual([]);
      expect(entriesOf(d)).toEqual({});
    }
  });

  it('a delete undone before the purge is not purged', async () => {
    const all = await devices(2);
    const [a] = all;
    const [ha] = sharedHighlight(all);
    a!.library.annotations.deleteHighlight(ha!);
    syncAll(all);
    a!.library.annotations.undo();
    syncAll(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 0 });
    expectConverged(all);
    for (const d of all) expect(highlightsOf(d)).toHaveLength(1);
  });

  it('the no-loss oracle finds nothing lost when a recorded delete was purged, and finds the highlight without it', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha] = sharedHighlight(all, '桥上的灯');
    const uid = Object.keys(entriesOf(a!))[0]!;
    const fields = { color: 'yellow', start_offset: 3, end_offset: 7, comment: '' };
    const changes: OracleChange[] = [
      { device: 'A', kind: 'highlight', id: uid, before: null, after: fields },
      { device: 'A', kind: 'highlight', id: uid, before: fields, after: { ...fields, comment: '桥上的灯' } },
    ];
    a!.library.annotations.deleteHighlight(ha!);
    syncAll(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 1 });
    syncAll(all);
    const state = { docs: b!.library.sync.dump(), rows: b!.library.sync.projectionDump() };
    const deleted: OracleChange = { device: 'A', kind: 'highlight', id: uid, before: { ...fields, comment: '桥上的灯' }, after: null };
    expect(findLosses([...changes, deleted], state, [])).toEqual([]);
    expect(findLosses(changes, state, []).join('\n')).toContain(`highlight ${uid}`);
  });
});

describe('what a purge removes, and what it leaves', () => {
  it('leaves deleted and merged tags (merge redirects), and values written over in live highlights', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const [ha, hb] = sharedHighlight(all);
    a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(0), start: 0, end: 2, color: 'green', tags: ['灯', '桥', '河'] });
    b!.library.annotations.updateHighlight(hb!, 'pink');
    // And one deleted and purged beside them.
    const other = a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(2), start: 0, end: 2, color: 'blue' });
    syncAll(all);
    a!.library.annotations.deleteHighlight(other.id);
    syncAll(all);
    void ha;
    a!.library.annotations.mergeTags('灯', '桥');
    a!.library.annotations.deleteTag('河');
    syncAll(all);
    expect(a!.library.sync.purge()).toMatchObject({ purged: 1 });
    expectConverged(all);
    const tags = (a!.library.sync.dump() as { library: { tags: Record<string, Record<string, unknown>> } }).library.tags;
    expect(Object.values(tags)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '灯', deleted: true, merged_into: expect.any(String) as unknown }),
        expect.objectContaining({ name: '河', deleted: true }),
      ]),
    );
    // The colour written over is still in the document on both devices (shown and restorable), not collected.
    for (const d of all) expect(storedUpdates(d).includes(Buffer.from('yellow'))).toBe(true);
  });

  it('takes the purged entry’s content out of the stored updates, which shrink', async () => {
    const all = await devices(2);
    const [a] = all;
    const comment = '这是一段很长的批注，说明这条河边的路在城市里弯了几次。'.repeat(8);
    const ids: number[] = [];
    for (let n = 0; n < 12; n++) {
      const made = a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(1), start: n, end: n + 2, color: 'green' });
      a!.library.annotations.updateHighlightComment(made.id, `${n}:${comment}`);
      ids.push(made.id);
    }
    syncAll(all);
    for (const id of ids) a!.library.annotations.deleteHighlight(id);
    syncAll(all);
    expect(storedUpdates(a!).includes(Buffer.from(comment.slice(0, 10)))).toBe(true);
    const outcome = a!.library.sync.purge();
    expect(outcome.purged).toBe(12);
    expect(outcome.storedAfter).toBeLessThan(outcome.storedBefore / 4);
    expect(storedUpdates(a!).includes(Buffer.from(comment.slice(0, 10)))).toBe(false);
    // The other device's file drops it too, in the transaction that takes the purge.
    const [, b] = all;
    expect(storedUpdates(b!).includes(Buffer.from(comment.slice(0, 10)))).toBe(true);
    syncAll(all);
    expect(storedUpdates(b!).includes(Buffer.from(comment.slice(0, 10)))).toBe(false);
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, new Uint8Array(storedUpdates(b!)));
    expect(doc.getMap('highlights').toJSON()).toEqual({});
    expectConverged(all);
  });
});
