import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { createLibrary } from '../../../../main/library/createLibrary';
import { listSyncConflicts } from '../../../../main/library/sync/session/syncConflicts';
import { supersededBy } from '../../../../main/library/sync/model/supersededValues';
import { recordWriter, writerOf, writersOf } from '../../../../main/library/sync/model/writers';
import { devicesPerTest, expectConverged, openDevices, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const highlightsOf = (d: Device) => d.library.getArticle(d.articleId).highlights;
const memberOf = (d: Device) => d.library.team.members().find((m) => m.me)!;
const conflictsOf = (d: Device) => listSyncConflicts(d.library.database(), new Set());

/** Two devices, each person named, with one highlight made on the first and synced. */
async function twoNamed(
  open: (count: number) => Promise<Device[]> = devices,
): Promise<{ all: Device[]; ids: number[] }> {
  const all = await open(2);
  all[0]!.library.team.setMe({ name: 'Lin', color: memberOf(all[0]!).color });
  all[1]!.library.team.setMe({ name: 'Mei', color: memberOf(all[1]!).color });
  all[0]!.library.annotations.createHighlight({
    paragraphId: all[0]!.paragraphId(1),
    start: 3,
    end: 7,
    color: 'yellow',
    tags: [],
  });
  syncAll(all);
  return { all, ids: all.map((d) => highlightsOf(d)[0]!.id) };
}

describe('a value overwritten by a concurrent write names who wrote the one that won', () => {
  it('the same colour set on both at once: the device that lost records the winner’s member and device', async () => {
    // Client ids are drawn at random, so the winner varies: both outcomes are met over the rounds.
    // Each round is a coin toss; the loop stops once both have won (about three rounds), and
    // 24 rounds make a miss of one side a chance of 2^-23 rather than 6's 1 in 32.
    const winners = new Set<string>();
    for (let round = 0; round < 24 && winners.size < 2; round++) {
      const opened = await openDevices(2);
      onTestFinished(opened.dispose);
      const { all, ids } = await twoNamed(() => Promise.resolve(opened.devices));
      const [a, b] = all as [Device, Device];
      a.library.annotations.updateHighlight(ids[0]!, 'pink');
      b.library.annotations.updateHighlight(ids[1]!, 'purple');
      expectConverged(all);
      const color = highlightsOf(a)[0]!.color;
      const [winner, loser] = color === 'pink' ? [a, b] : [b, a];
      winners.add(winner.name);
      expect(winner.library.sync.superseded()).toEqual([]);
      expect(loser.library.sync.superseded()).toEqual([
        expect.objectContaining({
          field: 'color',
          lost: color === 'pink' ? 'purple' : 'pink',
          kept: color,
          keptBy: { member: memberOf(winner).uid, memberName: memberOf(winner).name, device: `laptop ${winner.name}` },
        }),
      ]);
      expect(conflictsOf(loser)).toEqual([
        expect.objectContaining({
          kind: 'highlight-color',
          theirs: color,
          changedBy: { member: memberOf(winner).name, device: `laptop ${winner.name}` },
        }),
      ]);
      expect(memberOf(winner).name).toBe(winner === a ? 'Lin' : 'Mei');
    }
    expect([...winners].sort()).toEqual(['A', 'B']);
  });

  it('a tag renamed on both at once names the writer of the name that stands; a rename later shows the new name', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    a.library.team.setMe({ name: 'Lin', color: memberOf(a).color });
    a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(1),
      start: 3,
      end: 7,
      color: 'yellow',
      tags: ['城市'],
    });
    syncAll(all);
    a.library.annotations.renameTag('城市', '都市');
    b.library.annotations.renameTag('城市', '城镇');
    expectConverged(all);
    const name = highlightsOf(a)[0]!.tags[0]!;
    const [winner, loser] = name === '都市' ? [a, b] : [b, a];
    const [conflict] = conflictsOf(loser);
    expect(conflict).toMatchObject({
      kind: 'tag-name',
      theirs: name,
      changedBy: { member: memberOf(winner).name, device: `laptop ${winner.name}` },
    });
    // The member's name as the library knows it now: a rename since is what the notice says.
    winner.library.team.setMe({ name: 'Zhou', color: memberOf(winner).color });
    syncAll(all);
    expect(conflictsOf(loser)[0]!.changedBy).toEqual({ member: 'Zhou', device: `laptop ${winner.name}` });
  });

  it('a device that wrote in an earlier session (another Yjs client) is still named, by its new client', async () => {
    const { all, ids } = await twoNamed();
    const [a, b] = all as [Device, Device];
    a.library.annotations.updateHighlight(ids[0]!, 'green');
    syncAll(all);
    // Opened again: its documents load anew, each with a new client id, recorded with its next write.
    for (const d of all) {
      const dbPath = d.library.path;
      d.library.close();
      d.library = await createLibrary({ dbPath, deviceName: `laptop ${d.name}` });
    }
    a.library.annotations.updateHighlight(ids[0]!, 'blue');
    b.library.annotations.updateHighlight(ids[1]!, 'pink');
    expectConverged(all);
    const color = highlightsOf(a)[0]!.color;
    const [winner, loser] = color === 'blue' ? [a, b] : [b, a];
    expect(conflictsOf(loser)).toEqual([
      expect.objectContaining({
        mine: color === 'blue' ? 'pink' : 'blue',
        changedBy: { member: memberOf(winner).name, device: `laptop ${winner.name}` },
      }),
    ]);
  });

  it('a value recorded before writers were (no record beside it) says nothing of who: "another device"', async () => {
    const { all } = await twoNamed();
    const db = all[0]!.library.database();
    db.prepare(
      `INSERT INTO sync_superseded (doc, path, field, lost, kept, recorded_at) VALUES ('library', 'tags/x', 'color', '"red"', '"blue"', '2026-01-01T00:00:00.000Z')`,
    ).run();
    expect(conflictsOf(all[0]!)).toEqual([expect.objectContaining({ changedBy: null })]);
    expect(all[0]!.library.sync.superseded()).toEqual([expect.objectContaining({ keptBy: null })]);
  });
});

describe('writers in a document', () => {
  /** Two documents that have seen the same start, each then writing `field` with its own client. */
  function concurrent(withWriters: boolean): { shown: Y.Doc; other: Y.Doc } {
    const shown = new Y.Doc({ gc: false });
    const other = new Y.Doc({ gc: false });
    shown.clientID = 10;
    other.clientID = 20;
    shown.transact(() => {
      if (withWriters) recordWriter(shown, { member: 'm-lin', memberName: 'Lin', device: 'Lin’s laptop' });
      shown.getMap('highlights').set('color', 'yellow');
    });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(shown));
    shown.transact(() => shown.getMap('highlights').set('color', 'pink'));
    other.transact(() => {
      if (withWriters) recordWriter(other, { member: 'm-mei', memberName: 'Mei', device: 'Mei’s desktop' });
      other.getMap('highlights').set('color', 'purple');
    });
    return { shown, other };
  }

  it('names the client whose value won, read from the same update as the value', () => {
    const { shown, other } = concurrent(true);
    const found: ReturnType<typeof supersededBy> = [];
    shown.on('afterTransaction', (t: Y.Transaction) => {
      if (t.origin === 'remote') found.push(...supersededBy(shown, t));
    });
    Y.applyUpdate(shown, Y.encodeStateAsUpdate(other, Y.encodeStateVector(shown)), 'remote');
    // Client 20 is greater: Yjs keeps its value of a key both wrote at once.
    expect(shown.getMap('highlights').get('color')).toBe('purple');
    expect(found).toEqual([
      {
        path: 'highlights',
        field: 'color',
        lost: 'pink',
        kept: 'purple',
        keptBy: { member: 'm-mei', memberName: 'Mei', device: 'Mei’s desktop' },
      },
    ]);
  });

  it('a client recorded once per document; a value from a client that recorded nobody has no writer', () => {
    const { shown, other } = concurrent(false);
    Y.applyUpdate(shown, Y.encodeStateAsUpdate(other));
    const items: Y.Item[] = [];
    shown.getMap('highlights')._map.forEach((item) => items.push(item));
    expect(items.map((item) => writerOf(shown, item))).toEqual([null]);
    const doc = new Y.Doc();
    doc.transact(() => recordWriter(doc, { member: 'm', memberName: 'A', device: 'd' }));
    doc.transact(() => recordWriter(doc, { member: 'm', memberName: 'B', device: 'd' }));
    expect(writersOf(doc).toJSON()).toEqual({ [String(doc.clientID)]: { member: 'm', name: 'A', device: 'd' } });
  });

  it('another device’s record is kept to lengths a notice can show, and one not a record is nobody', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('x');
    doc.transact(() => {
      writersOf(doc).set(String(doc.clientID), { member: 'm', name: '林'.repeat(500), device: 'd'.repeat(500) });
      map.set('a', 1);
    });
    const item = map._map.get('a')!;
    expect(writerOf(doc, item)).toEqual({ member: 'm', memberName: '林'.repeat(100), device: 'd'.repeat(100) });
    doc.transact(() => writersOf(doc).set(String(doc.clientID), 'not a record'));
    expect(writerOf(doc, item)).toBeNull();
  });
});
