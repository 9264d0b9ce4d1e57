import { describe, expect, it } from 'vitest';
import { devicesPerTest, expectConverged, syncAll, tagUses, type Device } from './model/syncedLibraries';

/**
 * Two devices merge two tags into each other while offline: A merges 丙 into 丁, B merges 丁 into
 * 丙. Each tag is then deleted and merged into the other, a cycle leading to no live tag. Found by
 * the device fuzz (PIZHU_SYNC_SEED=113): every use of both tags vanished on every device. Whatever
 * the order, the two are one tag holding both uses, on every device.
 */
const devices = devicesPerTest();


describe('two tags merged into each other at once', () => {
  it('become one tag that keeps the uses of both, the same on every device', async () => {
    const all = await devices(3);
    const [a, b] = all as [Device, Device, Device];
    a.library.annotations.tagParagraph(a.paragraphId(0), '丙');
    a.library.annotations.tagParagraph(a.paragraphId(1), '丁');
    a.library.annotations.tagParagraph(a.paragraphId(2), '甲');
    syncAll(all);
    // One more tag merged into 丙 earlier: its uses follow wherever 丙's go.
    a.library.annotations.mergeTags('甲', '丙');
    syncAll(all);
    a.library.annotations.mergeTags('丙', '丁');
    b.library.annotations.mergeTags('丁', '丙');
    syncAll(all);
    expectConverged(all);
    const shown = tagUses(a);
    for (const d of all) expect(tagUses(d)).toEqual(shown);
    expect(Object.keys(shown)).toHaveLength(1);
    expect(Object.values(shown)).toEqual([3]);
  });
});
