import { describe, expect, it } from 'vitest';
import { bold, italic, runsOf, saveRuns } from './noteSaves';
import { devicesPerTest, expectConverged, expectRebuildSame, syncAll, type Device } from './syncedLibraries';

/**
 * Two devices formatting different words of one run of a note at once each split the run where
 * its words are, in place: no word is written anew, so none appears twice after the merge (#19:
 * each kept its longest part and wrote the others anew, and words both wrote anew were doubled).
 */
const devices = devicesPerTest();

describe('two devices formatting different words of one run at once', () => {
  it('keeps every word once, each device’s words in its format', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveRuns(a, 1, ['甲乙丙丁戊己', 0]);
    syncAll(all);
    saveRuns(a, 1, ['甲', 0], ['乙', bold], ['丙丁戊己', 0]);
    saveRuns(b, 1, ['甲乙丙', 0], ['丁', italic], ['戊己', 0]);
    syncAll(all);
    expectConverged(all);
    for (const d of all)
      expect(runsOf(d, 1)).toEqual([
        ['甲', 0],
        ['乙', bold],
        ['丙', 0],
        ['丁', italic],
        ['戊己', 0],
      ]);
    expectRebuildSame(all);
  });

  it('keeps every word once when both keep the same part of the run and write the same words before it', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveRuns(a, 1, ['甲乙丙丁戊己庚辛', 0]);
    syncAll(all);
    saveRuns(a, 1, ['甲', 0], ['乙', bold], ['丙丁戊己庚辛', 0]);
    saveRuns(b, 1, ['甲乙丙', 0], ['丁', italic], ['戊己庚辛', 0]);
    syncAll(all);
    expectConverged(all);
    for (const d of all)
      expect(runsOf(d, 1)).toEqual([
        ['甲', 0],
        ['乙', bold],
        ['丙', 0],
        ['丁', italic],
        ['戊己庚辛', 0],
      ]);
    expectRebuildSame(all);
  });

  it('keeps every word once when the two words are side by side', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveRuns(a, 1, ['甲乙丙丁戊己', 0]);
    syncAll(all);
    saveRuns(a, 1, ['甲', 0], ['乙', bold], ['丙丁戊己', 0]);
    saveRuns(b, 1, ['甲乙', 0], ['丙', bold], ['丁戊己', 0]);
    syncAll(all);
    expectConverged(all);
    // Both devices' marks of a run meet between 乙 and 丙, ordered by Yjs by client id: 乙 is
    // always bold, 丙 bold only when B's mark comes last (its bold may be lost, never a word).
    for (const d of all) {
      expect(
        runsOf(d, 1)
          .map(([t]) => t)
          .join(''),
      ).toBe('甲乙丙丁戊己');
      expect(runsOf(d, 1)[1]).toEqual([expect.stringMatching(/^乙/), bold]);
    }
  });

  it('keeps every word once when both format the run’s first words', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveRuns(a, 1, ['甲乙丙丁戊己', 0]);
    syncAll(all);
    saveRuns(a, 1, ['甲', bold], ['乙丙丁戊己', 0]);
    saveRuns(b, 1, ['甲乙丙', 0], ['丁戊', italic], ['己', 0]);
    syncAll(all);
    expectConverged(all);
    for (const d of all)
      expect(runsOf(d, 1)).toEqual([
        ['甲', bold],
        ['乙丙', 0],
        ['丁戊', italic],
        ['己', 0],
      ]);
    expectRebuildSame(all);
  });

  it('both making the same word bold make it bold once', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveRuns(a, 1, ['甲乙丙丁', 0]);
    syncAll(all);
    saveRuns(a, 1, ['甲', 0], ['乙丙', bold], ['丁', 0]);
    saveRuns(b, 1, ['甲', 0], ['乙丙', bold], ['丁', 0]);
    syncAll(all);
    expectConverged(all);
    for (const d of all)
      expect(runsOf(d, 1)).toEqual([
        ['甲', 0],
        ['乙丙', bold],
        ['丁', 0],
      ]);
  });
});
