import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll, type Device } from './model/syncedLibraries';

/**
 * One tag name made on two devices offline is one tag after a sync (the smaller uid stays,
 * sameNameMerges); an assignment made under the other uid shows under the kept tag. Untagging it
 * there, or deleting its highlight, must take it off for good on every device.
 */
const devices = devicesPerTest();

const highlightOf = (d: Device, uid: string) =>
  d.library.database().prepare('SELECT id FROM highlight WHERE uid = ?').pluck().get(uid) as number;

const uidOf = (d: Device, id: number) =>
  d.library.database().prepare('SELECT uid FROM highlight WHERE id = ?').pluck().get(id) as string;

const tagsOfHighlight = (d: Device, uid: string): string[] => {
  const article = d.library.getArticle(d.articleId);
  return article.highlights.find((h) => h.id === highlightOf(d, uid))?.tags ?? [];
};

describe('an assignment under a tag merged for its name', () => {
  for (const who of ['A', 'B'] as const) {
    it(`is untagged for good when ${who} untags it`, async () => {
      const all = await devices(2);
      const [a, b] = all as [Device, Device];
      const made = [
        a.library.annotations.createHighlight({
          paragraphId: a.paragraphId(0),
          start: 0,
          end: 3,
          color: 'yellow',
          tags: ['夜景'],
        }),
        b.library.annotations.createHighlight({
          paragraphId: b.paragraphId(1),
          start: 0,
          end: 3,
          color: 'yellow',
          tags: ['夜景'],
        }),
      ];
      const [hUidA, hUidB] = [uidOf(a, made[0]!.id), uidOf(b, made[1]!.id)];
      syncAll(all);
      expectConverged(all);
      for (const d of all) expect(d.library.annotations.listTags().map((t) => t.name)).toEqual(['夜景']);
      const untagger = who === 'A' ? a : b;
      for (const uid of [hUidA, hUidB]) untagger.library.annotations.untagHighlight(highlightOf(untagger, uid), '夜景');
      syncAll(all);
      expectConverged(all);
      for (const d of all) for (const uid of [hUidA, hUidB]) expect(tagsOfHighlight(d, uid)).toEqual([]);
    });
  }
});
