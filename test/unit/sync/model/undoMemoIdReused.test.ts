import { describe, expect, it } from 'vitest';
import type { MemoText } from '../../../../preload/contract/memoTypes';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

/**
 * A journal entry's row goes when another device removes it, and SQLite gives its id to the next
 * entry made here. An undo of an edit made before must not write over the entry holding that id now.
 */
const devices = devicesPerTest();

const words = (text: string): MemoText => ({
  editorState: JSON.stringify(plainTextNoteState(text)),
  plainText: text,
  markdown: text,
  startsStep: true,
});

const journal = (d: Device) =>
  d.library.memos
    .listJournal()
    .map((m) => m.plainText)
    .sort();

describe('an undo of a journal entry edit, the entry removed elsewhere', () => {
  it('leaves alone the entry that took its id here', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    const mine = a.library.memos.saveJournalEntry(undefined, words('田野的笔记'))!;
    syncAll(all);
    a.library.memos.saveJournalEntry(mine.id, words('田野的笔记,改过'));
    syncAll(all);
    b.library.memos.removeJournalEntry(b.library.memos.listJournal()[0]!.id);
    syncAll(all);
    // B's new entry: on A it gets the id A's entry had.
    b.library.memos.saveJournalEntry(undefined, words('访谈提纲'));
    syncAll(all);
    expect(a.library.memos.listJournal().map((m) => m.id)).toEqual([mine.id]);
    expect(a.library.annotations.undo()).toBeTruthy();
    syncAll(all);
    expectConverged(all);
    // The undo meets B's entry at its old id: the rows must still say what the documents say.
    for (const d of all) expect(journal(d)).toContain('访谈提纲');
    expect(journal(a)).toEqual(journal(b));
  });
});
