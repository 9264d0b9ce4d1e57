import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll } from './syncedLibraries';

const devices = devicesPerTest();

/** The article document's assignment keys (`p:<ord>:<tag uid>`, `h:…`) that are on, as a device holds them. */
function assignmentsOn(dump: unknown): string[] {
  const docs = dump as Record<string, { tagged?: Record<string, boolean> }>;
  const article = Object.keys(docs).find((name) => name.startsWith('article/'))!;
  return Object.entries(docs[article]!.tagged ?? {})
    .filter(([, on]) => on)
    .map(([key]) => key)
    .sort();
}

describe('a tag merged on one device while used on the other', () => {
  it('the use follows the merge without any device writing it again as its own assignment', async () => {
    const all = await devices(3);
    const [a, b, c] = all;
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '桥');
    a!.library.annotations.tagParagraph(a!.paragraphId(1), '灯');
    syncAll(all);
    a!.library.annotations.mergeTags('灯', '桥');
    b!.library.annotations.tagParagraph(b!.paragraphId(2), '灯');
    expectConverged(all);
    // Another change to the article projects it again everywhere.
    c!.library.annotations.createHighlight({ paragraphId: c!.paragraphId(0), start: 0, end: 2, color: 'green' });
    expectConverged(all);
    // Three uses as their people made them (A's two, moved by the merge, and B's of 灯): no device
    // wrote B's use again as an assignment of its own of 桥.
    const uidOf = (name: string) =>
      a!.library.database().prepare('SELECT uid FROM tag WHERE name = ?').pluck().get(name);
    const bridge = String(uidOf('桥'));
    expect(assignmentsOn(a!.library.sync.dump()).filter((key) => key.endsWith(bridge))).toEqual([
      `p:0:${bridge}`,
      `p:1:${bridge}`,
    ]);
    for (const d of all) {
      const tags = d.library.getArticle(d.articleId).paragraphTags;
      expect(Object.values(tags)).toEqual([['桥'], ['桥'], ['桥']]);
    }
  });
});

describe('the same tag made on two offline devices and put on one highlight by each', () => {
  it('projects one row, with the same maker on every device whatever order the assignments arrived in', async () => {
    const all = await devices(2);
    const [a] = all;
    a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(1), start: 3, end: 7, color: 'yellow' });
    syncAll(all);
    for (const d of all)
      d.library.annotations.tagHighlight(d.library.getArticle(d.articleId).highlights[0]!.id, '夜景');
    expectConverged(all);
    for (const d of all) expect(d.library.getArticle(d.articleId).highlights[0]!.tags).toEqual(['夜景']);
  });
});
