import { describe, expect, it } from 'vitest';
import type { SerializedEditorState } from 'lexical';
import * as Y from 'yjs';
import { readRichText, writeRichText } from '../../../../main/library/sync/model/richNoteText';
import { blocksOf, bold, saveBlocks } from './noteSaves';
import { devicesPerTest, expectConverged, expectRebuildSame, syncAll, type Device } from './syncedLibraries';

/**
 * A block made a quote (or a paragraph again) changes the type of the block the document holds,
 * not deletes it and writes a new one: another device's words typed into the block meanwhile
 * stay in it, and a block added beside it stays where it was added (#19: B's quote deleted A's
 * bold 丙 on both devices, from the rows and from a rebuild of them).
 */
const devices = devicesPerTest();

describe('a block’s type changed on one device while another edits the note', () => {
  it('keeps the words the other device typed into the block: a quote with A’s bold 丙, on both', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveBlocks(a, 1, ['paragraph', [['甲乙', 0]]]);
    syncAll(all);
    saveBlocks(b, 1, ['quote', [['甲乙', 0]]]);
    saveBlocks(a, 1, [
      'paragraph',
      [
        ['甲乙', 0],
        ['丙', bold],
      ],
    ]);
    syncAll(all);
    expectConverged(all);
    for (const d of all) {
      expect(blocksOf(d, 1)).toEqual([
        [
          'quote',
          [
            ['甲乙', 0],
            ['丙', bold],
          ],
        ],
      ]);
      expect(d.library.annotations.getNote(d.paragraphId(1))?.markdown).toBe('> 甲乙**丙**');
    }
    expectRebuildSame(all);
  });

  it('keeps the words typed into a quote made a paragraph again meanwhile', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveBlocks(a, 1, ['quote', [['甲乙', 0]]]);
    syncAll(all);
    saveBlocks(a, 1, ['quote', [['甲乙丁', 0]]]);
    saveBlocks(b, 1, ['paragraph', [['甲乙', 0]]]);
    syncAll(all);
    expectConverged(all);
    for (const d of all) expect(blocksOf(d, 1)).toEqual([['paragraph', [['甲乙丁', 0]]]]);
    expectRebuildSame(all);
  });

  it('keeps a block the other device added after it in its place, after the quote', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveBlocks(a, 1, ['paragraph', [['甲乙', 0]]]);
    syncAll(all);
    saveBlocks(b, 1, ['quote', [['甲乙', 0]]]);
    saveBlocks(a, 1, ['paragraph', [['甲乙', 0]]], ['paragraph', [['戊', 0]]]);
    syncAll(all);
    expectConverged(all);
    for (const d of all)
      expect(blocksOf(d, 1)).toEqual([
        ['quote', [['甲乙', 0]]],
        ['paragraph', [['戊', 0]]],
      ]);
    expectRebuildSame(all);
  });

  it('two devices making the same block a quote at once keep one block, with both devices’ words', async () => {
    const all = await devices(2);
    const [a, b] = all as [Device, Device];
    saveBlocks(a, 1, ['paragraph', [['甲乙', 0]]]);
    syncAll(all);
    saveBlocks(a, 1, ['quote', [['甲乙丙', 0]]]);
    saveBlocks(b, 1, ['quote', [['戊甲乙', 0]]]);
    syncAll(all);
    expectConverged(all);
    for (const d of all) expect(blocksOf(d, 1)).toEqual([['quote', [['戊甲乙丙', 0]]]]);
    expectRebuildSame(all);
  });
});

describe('a note whose block was made a quote before block types were changed in place', () => {
  /**
   * Written by richNoteText before this change: device 2 made the block a quote (deleting the
   * paragraph and writing a quote) while device 1 typed a bold 丙 into the paragraph; merged.
   */
  const oldMerge =
    'Ag8CAIcBAAYoAAIABl9fdHlwZQF3BXF1b3RlKAACAAhfX2Zvcm1hdAF9ACgAAgAHX19zdHlsZQF3ACgAAgAIX19pbmRlbnQBfQAoAAIABV9fZGlyAX4oAAIADF9fdGV4dEZvcm1hdAF9ACgAAgALX190ZXh0U3R5bGUBdwAHAAIAASgAAggGX190eXBlAXcEdGV4dCgAAggIX19mb3JtYXQBfQAoAAIIB19fc3R5bGUBdwAoAAIIBl9fbW9kZQF9ACgAAggIX19kZXRhaWwBfQCEAggG55Sy5LmZAgEAAQEJbm90ZXhtbC8xAQAWAQEBABc=';

  it('reads as it did (the quote, without the 丙 that merge lost), and a later save edits it in place', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(oldMerge, 'base64'));
    const xml = doc.get('notexml/1', Y.XmlText);
    const read = readRichText(xml);
    expect(read.markdown).toBe('> 甲乙');
    expect(read.plainText).toBe('甲乙');
    const before = (xml.toDelta() as Array<{ insert: unknown }>)[0]!.insert;
    const state = JSON.parse(read.editorState) as SerializedEditorState;
    state.root.children = [{ ...state.root.children[0]!, type: 'paragraph' }];
    writeRichText(xml, { editorState: JSON.stringify(state), plainText: '甲乙', markdown: '甲乙' });
    expect(readRichText(xml).markdown).toBe('甲乙');
    // The same block, its type changed.
    const after = (xml.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert);
    expect(after).toHaveLength(1);
    expect(after[0]).toBe(before);
  });
});
