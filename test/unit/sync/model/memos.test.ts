import { describe, expect, it } from 'vitest';
import type { MemoText } from '../../../../preload/contract/memoTypes';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { devicesPerTest, expectConverged, syncAll } from './syncedLibraries';

const devices = devicesPerTest();

const memo = (text: string): MemoText => ({
  editorState: JSON.stringify(plainTextNoteState(text)),
  plainText: text,
  markdown: text,
});

describe('memos across devices', () => {
  it('an article memo begun on two offline devices keeps both devices’ words', async () => {
    const all = await devices(2);
    all[0]!.library.memos.saveArticleMemo(all[0]!.articleId, memo('写城市'));
    all[1]!.library.memos.saveArticleMemo(all[1]!.articleId, memo('写河流'));
    expectConverged(all);
    for (const d of all) {
      const text = d.library.memos.getArticleMemo(d.articleId)!.plainText;
      expect(text).toContain('写城市');
      expect(text).toContain('写河流');
    }
  });

  it('an article memo edited on both merges, and removed on one while edited on the other is removed', async () => {
    const all = await devices(2);
    all[0]!.library.memos.saveArticleMemo(all[0]!.articleId, memo('第一稿。'));
    syncAll(all);
    all[0]!.library.memos.saveArticleMemo(all[0]!.articleId, memo('甲：第一稿。'));
    all[1]!.library.memos.saveArticleMemo(all[1]!.articleId, memo('第一稿。乙'));
    expectConverged(all);
    for (const d of all) expect(d.library.memos.getArticleMemo(d.articleId)!.plainText).toBe('甲：第一稿。乙');
    all[0]!.library.memos.saveArticleMemo(all[0]!.articleId, memo(''));
    all[1]!.library.memos.saveArticleMemo(all[1]!.articleId, memo('甲：第一稿。乙丙'));
    expectConverged(all);
    for (const d of all) expect(d.library.memos.getArticleMemo(d.articleId)).toBeNull();
  });

  it('journal entries written on each device all appear on all, and a removal and its undo follow', async () => {
    const all = await devices(3);
    all.forEach((d, i) => d.library.memos.saveJournalEntry(undefined, memo(`第${i + 1}台的记录`)));
    expectConverged(all);
    for (const d of all) {
      expect(
        d.library.memos
          .listJournal()
          .map((m) => m.plainText)
          .sort(),
      ).toEqual(['第1台的记录', '第2台的记录', '第3台的记录']);
    }
    const [a, b] = all;
    const entry = a!.library.memos.listJournal().find((m) => m.plainText === '第2台的记录')!;
    a!.library.memos.removeJournalEntry(entry.id);
    expectConverged(all);
    expect(b!.library.memos.listJournal()).toHaveLength(2);
    a!.library.annotations.undo();
    expectConverged(all);
    expect(b!.library.memos.listJournal().map((m) => m.plainText)).toContain('第2台的记录');
    // And the rows rebuild from the documents alone.
    const incremental = JSON.stringify(b!.library.sync.projectionDump());
    b!.library.database().exec('DELETE FROM memo');
    b!.library.sync.rebuildProjection();
    expect(JSON.stringify(b!.library.sync.projectionDump())).toBe(incremental);
  });
});
