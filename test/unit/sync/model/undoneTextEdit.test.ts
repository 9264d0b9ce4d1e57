import { describe, expect, it } from 'vitest';
import type { SerializedEditorState } from 'lexical';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { bold, italic, runsOf, saveRuns, underline } from './noteSaves';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

/**
 * An undo takes back its own step of a note or comment, not what another device typed into the
 * same words meanwhile (#19, found by the device fuzz, seed 11: B's undo of its note edit wrote
 * its old words over the merged note, and A's concurrent "早上" was gone with no record).
 */
const devices = devicesPerTest();

function saveNote(d: Device, ord: number, text: string) {
  return d.library.annotations.saveNote({
    paragraphId: d.paragraphId(ord),
    editorState: JSON.stringify(plainTextNoteState(text)),
    plainText: text,
    markdown: text,
    startsStep: true,
  });
}

const noteOf = (d: Device, ord: number) => d.library.annotations.getNote(d.paragraphId(ord))?.plainText;

describe('an undo of a note or comment edit after another device edited it too', () => {
  it('takes back only its own words from the note: the other device’s insertion stays, on both', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveNote(a, 1, '今天读了。');
    syncAll([a, b]);
    saveNote(a, 1, '今天早上读了。');
    saveNote(b, 1, '今天读了两遍。');
    syncAll([a, b]);
    expect(noteOf(b, 1)).toBe('今天早上读了两遍。');

    expect(b.library.annotations.undo()?.op).toBe('note.save');
    expect(noteOf(b, 1)).toBe('今天早上读了。');
    expectConverged([a, b]);
    expect(noteOf(a, 1)).toBe('今天早上读了。');

    // Its redo puts its own words back among them.
    b.library.annotations.redo();
    expectConverged([a, b]);
    expect(noteOf(a, 1)).toBe('今天早上读了两遍。');
  });

  it('takes back a deletion by putting back only what it deleted, keeping words typed since', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveNote(a, 1, '甲乙丙丁戊');
    syncAll([a, b]);
    saveNote(b, 1, '甲丁戊');
    saveNote(a, 1, '甲乙丙丁戊己');
    syncAll([a, b]);
    expect(noteOf(b, 1)).toBe('甲丁戊己');
    b.library.annotations.undo();
    expectConverged([a, b]);
    expect(noteOf(a, 1)).toBe('甲乙丙丁戊己');
  });

  it('keeps the note’s formatting: the words put back and the words typed since stay in their runs', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveRuns(a, 1, ['甲乙', 0], ['丙丁', bold]);
    syncAll([a, b]);
    saveRuns(a, 1, ['甲乙', 0], ['丙丁戊', bold]);
    saveRuns(b, 1, ['甲', 0], ['丙丁', bold]);
    syncAll([a, b]);
    expect(runsOf(b, 1)).toEqual([
      ['甲', 0],
      ['丙丁戊', bold],
    ]);
    b.library.annotations.undo();
    expectConverged([a, b]);
    for (const d of [a, b]) {
      expect(runsOf(d, 1)).toEqual([
        ['甲乙', 0],
        ['丙丁戊', bold],
      ]);
      expect(d.library.annotations.getNote(d.paragraphId(1))?.markdown).toBe('甲乙**丙丁戊**');
    }
  });

  it('takes back a block it added, keeping the words typed since in the first', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveNote(a, 1, '甲');
    syncAll([a, b]);
    saveNote(b, 1, '甲\n\n乙');
    saveNote(a, 1, '甲丙');
    syncAll([a, b]);
    expect(noteOf(b, 1)).toBe('甲丙\n\n乙');
    b.library.annotations.undo();
    expectConverged([a, b]);
    expect(noteOf(a, 1)).toBe('甲丙');
  });

  it('takes back only its own words from a highlight’s comment', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    const made = a.library.annotations.createHighlight({
      paragraphId: a.paragraphId(0),
      start: 2,
      end: 6,
      color: 'yellow',
      tags: [],
    });
    a.library.annotations.updateHighlightComment(made.id, '河边');
    syncAll([a, b]);
    const onB = b.library.getArticle(b.articleId).highlights[0]!;
    a.library.annotations.updateHighlightComment(made.id, '河边的桥');
    b.library.annotations.updateHighlightComment(onB.id, '夜里河边');
    syncAll([a, b]);
    const commentOf = (d: Device) => d.library.getArticle(d.articleId).highlights[0]!.comment;
    expect(commentOf(b)).toBe('夜里河边的桥');
    expect(b.library.annotations.undo()?.op).toBe('highlight.comment');
    expectConverged([a, b]);
    expect(commentOf(a)).toBe('河边的桥');
    expect(commentOf(b)).toBe('河边的桥');
  });
});

describe('an undo of words and formatting after another device edited the note', () => {
  it('takes back both its words and its bold, keeping the other device’s words, on both', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveRuns(a, 1, ['今天读了。', 0]);
    syncAll([a, b]);
    // B types 两遍 and makes 读 bold in one save; A types 真好 meanwhile.
    saveRuns(b, 1, ['今天', 0], ['读', bold], ['了两遍。', 0]);
    saveRuns(a, 1, ['今天读了。真好', 0]);
    syncAll([a, b]);
    expect(runsOf(b, 1)).toEqual([
      ['今天', 0],
      ['读', bold],
      ['了两遍。真好', 0],
    ]);

    expect(b.library.annotations.undo()?.op).toBe('note.save');
    expectConverged([a, b]);
    for (const d of [a, b]) {
      expect(runsOf(d, 1)).toEqual([['今天读了。真好', 0]]);
      expect(d.library.annotations.getNote(d.paragraphId(1))?.markdown).toBe('今天读了。真好');
    }

    // Its redo makes both again, among A's words.
    b.library.annotations.redo();
    expectConverged([a, b]);
    for (const d of [a, b])
      expect(runsOf(d, 1)).toEqual([
        ['今天', 0],
        ['读', bold],
        ['了两遍。真好', 0],
      ]);
  });

  it('puts back bold words it deleted as bold', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveRuns(a, 1, ['甲', 0], ['乙丙', bold], ['丁', 0]);
    syncAll([a, b]);
    saveRuns(b, 1, ['甲丁', 0]);
    saveRuns(a, 1, ['甲', 0], ['乙丙', bold], ['丁戊', 0]);
    syncAll([a, b]);
    expect(runsOf(b, 1)).toEqual([['甲丁戊', 0]]);
    b.library.annotations.undo();
    expectConverged([a, b]);
    for (const d of [a, b])
      expect(runsOf(d, 1)).toEqual([
        ['甲', 0],
        ['乙丙', bold],
        ['丁戊', 0],
      ]);
  });

  it('keeps the formatting the other device gave other words meanwhile', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveRuns(a, 1, ['今天', underline], ['读了。', 0]);
    syncAll([a, b]);
    saveRuns(b, 1, ['今天', underline], ['读', bold], ['了两遍。', 0]);
    // A only makes 今天 italic too: no words typed.
    saveRuns(a, 1, ['今天', underline | italic], ['读了。', 0]);
    syncAll([a, b]);
    expect(runsOf(b, 1)).toEqual([
      ['今天', underline | italic],
      ['读', bold],
      ['了两遍。', 0],
    ]);
    b.library.annotations.undo();
    expectConverged([a, b]);
    for (const d of [a, b])
      expect(runsOf(d, 1)).toEqual([
        ['今天', underline | italic],
        ['读了。', 0],
      ]);
  });

  it('takes back a step of structure only (a block made a quote), keeping the words typed into it since', async () => {
    const [a, b] = (await devices(2)) as [Device, Device];
    saveNote(a, 1, '甲乙');
    syncAll([a, b]);
    /** The note as one quote block of runs. */
    const quote = (d: Device, ...parts: Array<[string, number]>) => {
      saveRuns(d, 1, ...parts);
      const note = d.library.annotations.getNote(d.paragraphId(1))!;
      const state = JSON.parse(note.editorState) as SerializedEditorState;
      state.root.children = [{ ...state.root.children[0]!, type: 'quote' }];
      d.library.annotations.saveNote({
        paragraphId: d.paragraphId(1),
        editorState: JSON.stringify(state),
        plainText: note.plainText,
        markdown: `> ${note.markdown}`,
        startsStep: false,
      });
    };
    quote(b, ['甲乙', 0]);
    syncAll([a, b]);
    quote(a, ['甲乙', 0], ['丙', bold]);
    syncAll([a, b]);
    expect(b.library.annotations.getNote(b.paragraphId(1))?.markdown).toBe('> 甲乙**丙**');
    // B's last step made the block a quote (its words unchanged): taken back, A's bold 丙 stays in the block.
    b.library.annotations.undo();
    expectConverged([a, b]);
    for (const d of [a, b]) {
      expect(d.library.annotations.getNote(d.paragraphId(1))?.markdown).toBe('甲乙**丙**');
      expect(runsOf(d, 1)).toEqual([
        ['甲乙', 0],
        ['丙', bold],
      ]);
    }
  });
});
