import type { SerializedEditorState, SerializedParagraphNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { noteEntry, noteText } from '../../../../main/library/sync/model/docShape';
import { readRichText, writeRichText } from '../../../../main/library/sync/model/richNoteText';
import { bold, italic, markdownOf, runsOf, runsState as runs, saveRuns } from './noteSaves';
import { devicesPerTest, expectConverged, expectRebuildSame, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

/** Saves the note as one block of runs. */
const save = saveRuns;

const noteOf = (d: Device, ord: number) => d.library.annotations.getNote(d.paragraphId(ord));

describe('a paragraph note as rich text (@lexical/yjs)', () => {
  it('edited on two devices at once, one making a word bold and the other typing: both kept, the bold too', async () => {
    const all = await devices(2);
    const [a, b] = all;
    save(a!, 1, ['今天读了城市与河流。', 0]);
    syncAll(all);
    save(a!, 1, ['今天读了', 0], ['城市', bold], ['与河流。', 0]);
    save(b!, 1, ['今天早上读了城市与河流。', 0]);
    expectConverged(all);
    for (const d of all) {
      expect(noteOf(d, 1)).toMatchObject({
        plainText: '今天早上读了城市与河流。',
        markdown: '今天早上读了**城市**与河流。',
      });
      expect(runsOf(d, 1)).toEqual([
        ['今天早上读了', 0],
        ['城市', bold],
        ['与河流。', 0],
      ]);
    }
  });

  it('two words of one run formatted on two devices at once: both formats, the words once', async () => {
    const all = await devices(2);
    const [a, b] = all;
    save(a!, 0, ['老街的石板路和河边的柳树', 0]);
    syncAll(all);
    save(a!, 0, ['老街', bold], ['的石板路和河边的柳树', 0]);
    save(b!, 0, ['老街的石板路和河边的', 0], ['柳树', italic]);
    expectConverged(all);
    for (const d of all) expect(noteOf(d, 0)?.markdown).toBe('**老街**的石板路和河边的*柳树*');
  });

  it('two formats on two devices at once, in different blocks, both stay', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const note = (first: Array<[string, number]>, second: Array<[string, number]>) => {
      const state = runs(...first);
      state.root.children.push(runs(...second).root.children[0] as SerializedParagraphNode);
      return state;
    };
    const write = (d: Device, first: Array<[string, number]>, second: Array<[string, number]>) =>
      d.library.annotations.saveNote({
        paragraphId: d.paragraphId(0),
        editorState: JSON.stringify(note(first, second)),
        plainText: `${first.map(([t]) => t).join('')}\n\n${second.map(([t]) => t).join('')}`,
        markdown: `${markdownOf(first)}\n\n${markdownOf(second)}`,
        startsStep: true,
      });
    write(a!, [['老街的石板路', 0]], [['河边的柳树', 0]]);
    syncAll(all);
    write(
      a!,
      [
        ['老街', bold],
        ['的石板路', 0],
      ],
      [['河边的柳树', 0]],
    );
    write(
      b!,
      [['老街的石板路', 0]],
      [
        ['河边的', 0],
        ['柳树', italic],
      ],
    );
    expectConverged(all);
    for (const d of all) expect(noteOf(d, 0)?.markdown).toBe('**老街**的石板路\n\n河边的*柳树*');
  });

  it('one run formatted on both at once: one format stands everywhere, and no conflict is shown for it', async () => {
    const all = await devices(2);
    const [a, b] = all;
    save(a!, 1, ['河水很清', 0]);
    syncAll(all);
    save(a!, 1, ['河水很清', bold]);
    save(b!, 1, ['河水很清', italic]);
    expectConverged(all);
    const [kept] = runsOf(a!, 1);
    expect([bold, italic]).toContain(kept![1]);
    for (const d of all) expect(runsOf(d, 1)).toEqual([['河水很清', kept![1]]]);
    for (const d of all) expect(d.library.sync.superseded()).toEqual([]);
  });

  it('a note saved here reads back from its document as saved: another device shows the same forms', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const saved = save(a!, 2, ['夜里', 0], ['河上的灯', bold], ['一盏一盏亮了', italic]);
    syncAll(all);
    expect(noteOf(b!, 2)).toMatchObject({
      editorState: saved!.editorState,
      plainText: saved!.plainText,
      markdown: saved!.markdown,
    });
    expectConverged(all);
  });

  it('rebuilding the rows from the documents alone gives the rows kept incrementally, merged notes and memos among them', async () => {
    const all = await devices(3);
    const [a, b, c] = all;
    save(a!, 0, ['城里的河', 0]);
    save(b!, 1, ['桥', bold], ['在河上', 0]);
    syncAll(all);
    save(a!, 1, ['桥', bold], ['在河上', 0], ['，很旧', italic]);
    save(c!, 1, ['一座', 0], ['桥', bold], ['在河上', 0]);
    a!.library.memos.saveArticleMemo(a!.articleId, {
      editorState: JSON.stringify(runs(['备忘', bold])),
      plainText: '备忘',
      markdown: '**备忘**',
    });
    syncAll(all);
    b!.library.memos.saveArticleMemo(b!.articleId, {
      editorState: JSON.stringify(runs(['备忘', bold], ['：第二段', 0])),
      plainText: '备忘：第二段',
      markdown: '**备忘**：第二段',
    });
    c!.library.memos.saveArticleMemo(c!.articleId, {
      editorState: JSON.stringify(runs(['重要', italic], ['备忘', bold])),
      plainText: '重要备忘',
      markdown: '*重要***备忘**',
    });
    expectConverged(all);
    expect(noteOf(a!, 1)?.plainText).toBe('一座桥在河上，很旧');
    expect(a!.library.memos.getArticleMemo(a!.articleId)?.plainText).toBe('重要备忘：第二段');
    expectRebuildSame(all);
  });

  it('undo is each person’s own: one takes back their bold, the other their words, on both devices', async () => {
    const all = await devices(2);
    const [a, b] = all;
    save(a!, 1, ['河水很清', 0]);
    syncAll(all);
    save(b!, 1, ['河水很清，看得见石头', 0]);
    syncAll(all);
    save(a!, 1, ['河水', bold], ['很清，看得见石头', 0]);
    syncAll(all);
    expect(a!.library.annotations.undo()).toMatchObject({ op: 'note.save' });
    expectConverged(all);
    for (const d of all) expect(noteOf(d, 1)?.markdown).toBe('河水很清，看得见石头');
    expect(b!.library.annotations.undo()).toMatchObject({ op: 'note.save' });
    expectConverged(all);
    for (const d of all) expect(runsOf(d, 1)).toEqual([['河水很清', 0]]);
    // A's redo puts back its own bold only: B's words stay taken back by B's undo (a redo writing
    // A's whole saved note over the note is what lost another device's words, fuzz seed 11).
    expect(a!.library.annotations.redo()).toMatchObject({ op: 'note.save' });
    expectConverged(all);
    for (const d of all) expect(noteOf(d, 1)?.markdown).toBe('**河水**很清');
  });

  it('a note written as plain text before rich text reads as it was; edited on two devices at once, its words stay once and both edits are kept', async () => {
    const all = await devices(2);
    const [a, b] = all;
    save(a!, 0, ['另一条', 0]);
    syncAll(all);
    const name = a!.library.sync.docNames().find((n) => n.startsWith('article/'))!;
    // A device of the model before wrote the note: its words in `notetext/<ord>`, its forms beside them.
    const old = new Y.Doc();
    Y.applyUpdate(old, a!.library.sync.diff(name, new Uint8Array([0])));
    const before = Y.encodeStateVector(old);
    old.transact(() => {
      const entry = noteEntry(old, 1);
      entry.set('editor_state', JSON.stringify(plainTextNoteState('旧笔记写在这里')));
      entry.set('markdown', '旧笔记写在这里');
      entry.set('saved_text', '旧笔记写在这里');
      entry.set('updated_at', '2026-01-01T00:00:00.000Z');
      entry.set('made_by', '');
      entry.set('deleted', false);
      noteText(old, 1).insert(0, '旧笔记写在这里');
    });
    a!.library.sync.apply(name, Y.encodeStateAsUpdate(old, before));
    expectConverged(all);
    for (const d of all)
      expect(noteOf(d, 1)).toMatchObject({ plainText: '旧笔记写在这里', markdown: '旧笔记写在这里' });

    save(a!, 1, ['旧笔记写在', 0], ['这里', bold]);
    save(b!, 1, ['这条旧笔记写在这里', 0]);
    expectConverged(all);
    for (const d of all) expect(noteOf(d, 1)?.markdown).toBe('这条旧笔记写在**这里**');
    const incremental = JSON.stringify(a!.library.sync.projectionDump());
    a!.library.sync.rebuildProjection();
    expect(JSON.stringify(a!.library.sync.projectionDump())).toBe(incremental);
  });
});

describe('the rich text of one note (richNoteText)', () => {
  it('two documents writing one note at once merge their blocks and runs, and read back the same', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const first = one.get<typeof Y.XmlText>('notexml/1', Y.XmlText);
    const forms = (state: SerializedEditorState, text: string) => ({
      editorState: JSON.stringify(state),
      plainText: text,
      markdown: '',
    });
    one.transact(() => writeRichText(first, forms(plainTextNoteState('第一段\n\n第二段'), '第一段\n\n第二段')));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const second = two.get<typeof Y.XmlText>('notexml/1', Y.XmlText);
    one.transact(() => writeRichText(first, forms(plainTextNoteState('第一段很短\n\n第二段'), '第一段很短\n\n第二段')));
    two.transact(() =>
      writeRichText(second, forms(plainTextNoteState('第一段\n\n第二段也短'), '第一段\n\n第二段也短')),
    );
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    expect(readRichText(first)).toEqual(readRichText(second));
    expect(readRichText(first).plainText).toBe('第一段很短\n\n第二段也短');
  });
});
