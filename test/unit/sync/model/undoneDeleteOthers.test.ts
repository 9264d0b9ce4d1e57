import { describe, expect, it } from 'vitest';
import type { MemoText } from '../../../../preload/contract/memoTypes';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const words = (text: string): MemoText => ({
  editorState: JSON.stringify(plainTextNoteState(text)),
  plainText: text,
  markdown: text,
});

const saveNote = (d: Device, ord: number, text: string) =>
  d.library.annotations.saveNote({ paragraphId: d.paragraphId(ord), ...words(text) });

// A deletes, B edits the same thing meanwhile, they sync, A undoes: B's edit stands everywhere.
describe('undoing a delete another device edited meanwhile keeps that device’s edit', () => {
  it('a paragraph note', async () => {
    const all = await devices(2);
    const [a, b] = all;
    saveNote(a!, 1, '河边的路。');
    syncAll(all);
    saveNote(a!, 1, '');
    saveNote(b!, 1, '河边的路很长。');
    expectConverged(all);
    expect(a!.library.annotations.undo()).toBeTruthy();
    expectConverged(all);
    for (const d of all) expect(d.library.annotations.getNote(d.paragraphId(1))?.plainText).toBe('河边的路很长。');
  });

  it('a paragraph note written anew on the other device after it saw the delete', async () => {
    const all = await devices(2);
    const [a, b] = all;
    saveNote(a!, 1, '河边的路。');
    syncAll(all);
    saveNote(a!, 1, '');
    expectConverged(all);
    saveNote(b!, 1, '桥上的灯。');
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.annotations.getNote(d.paragraphId(1))?.plainText).toBe('桥上的灯。');
  });

  it('but a note this device itself wrote anew after its delete, both undone, gives its first words back on every device', async () => {
    const all = await devices(2);
    const [a] = all;
    saveNote(a!, 1, '河边的路。');
    syncAll(all);
    saveNote(a!, 1, '');
    expectConverged(all);
    saveNote(a!, 1, '重新写');
    expectConverged(all);
    a!.library.annotations.undo();
    expect(a!.library.annotations.getNote(a!.paragraphId(1))).toBeNull();
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.annotations.getNote(d.paragraphId(1))?.plainText).toBe('河边的路。');
  });

  it('and an article memo this device wrote anew after removing it, both undone, gives its first words back', async () => {
    const all = await devices(2);
    const [a] = all;
    a!.library.memos.saveArticleMemo(a!.articleId, words('写城市'));
    syncAll(all);
    a!.library.memos.saveArticleMemo(a!.articleId, words(''));
    a!.library.memos.saveArticleMemo(a!.articleId, words('写别的'));
    expectConverged(all);
    a!.library.annotations.undo();
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.memos.getArticleMemo(d.articleId)?.plainText).toBe('写城市');
  });

  it('a journal memo', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const made = a!.library.memos.saveJournalEntry(undefined, words('第一条记录'))!;
    syncAll(all);
    const onB = b!.library.memos.listJournal()[0]!.id;
    a!.library.memos.removeJournalEntry(made.id);
    b!.library.memos.saveJournalEntry(onB, words('第一条记录，补充'));
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.memos.listJournal().map((m) => m.plainText)).toEqual(['第一条记录，补充']);
  });

  it('an article memo', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.memos.saveArticleMemo(a!.articleId, words('写城市'));
    syncAll(all);
    a!.library.memos.saveArticleMemo(a!.articleId, words(''));
    b!.library.memos.saveArticleMemo(b!.articleId, words('写城市和河流'));
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.memos.getArticleMemo(d.articleId)?.plainText).toBe('写城市和河流');
  });

  it('an article memo written anew on the other device after it saw the removal', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.memos.saveArticleMemo(a!.articleId, words('写城市'));
    syncAll(all);
    a!.library.memos.saveArticleMemo(a!.articleId, words(''));
    expectConverged(all);
    b!.library.memos.saveArticleMemo(b!.articleId, words('写河流'));
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.memos.getArticleMemo(d.articleId)?.plainText).toBe('写河流');
  });

  it('a tag deleted on one device and renamed on the other', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '地点');
    syncAll(all);
    a!.library.annotations.deleteTag('地点');
    b!.library.annotations.renameTag('地点', '城市');
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(d.library.annotations.listTags().map((t) => t.name)).toEqual(['城市']);
  });

  it('a tag merged on one device and renamed on the other', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '桥');
    a!.library.annotations.tagParagraph(a!.paragraphId(1), '灯');
    syncAll(all);
    a!.library.annotations.mergeTags('灯', '桥');
    b!.library.annotations.renameTag('灯', '路灯');
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) {
      expect(d.library.annotations.listTags().map((t) => t.name).sort()).toEqual(['桥', '路灯'].sort());
      expect(d.library.getArticle(d.articleId).paragraphTags[d.paragraphId(1)]).toEqual(['路灯']);
    }
  });

  it('a tag deleted on one device whose description the other changed', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const described = (definition: string) => ({ definition, inclusion: '', exclusion: '', example: '' });
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '地点');
    a!.library.annotations.describeTag('地点', described('地名'));
    syncAll(all);
    a!.library.annotations.deleteTag('地点');
    b!.library.annotations.describeTag('地点', described('城市或河流的名字'));
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) {
      expect(d.library.annotations.listTags().map((t) => t.description?.definition)).toEqual(['城市或河流的名字']);
    }
  });

  it('an attribute removed on one device and renamed on the other', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const defined = a!.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    a!.library.attributes.setAttributeValue([a!.articleId], defined.id, '晚报');
    syncAll(all);
    const onB = b!.library.attributes.listAttributes()[0]!.id;
    a!.library.attributes.removeAttribute(defined.id);
    b!.library.attributes.updateAttribute(onB, { name: '出处', kind: 'text' });
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) {
      expect(d.library.attributes.articleAttributes(d.articleId).map((v) => [v.name, v.value])).toEqual([['出处', '晚报']]);
    }
  });

  it('an attribute value cleared on one device and set again on the other before the clear is undone', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const defined = a!.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    a!.library.attributes.setAttributeValue([a!.articleId], defined.id, '晚报');
    syncAll(all);
    a!.library.attributes.setAttributeValue([a!.articleId], defined.id, null);
    expectConverged(all);
    const onB = b!.library.attributes.listAttributes()[0]!.id;
    b!.library.attributes.setAttributeValue([b!.articleId], onB, '日报');
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) {
      expect(d.library.attributes.articleAttributes(d.articleId).map((v) => v.value)).toEqual(['日报']);
    }
  });

  it('an attribute removed on one device whose value the other changed', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const defined = a!.library.attributes.defineAttribute({ name: '来源', kind: 'text' });
    a!.library.attributes.setAttributeValue([a!.articleId], defined.id, '晚报');
    syncAll(all);
    const onB = b!.library.attributes.listAttributes()[0]!.id;
    a!.library.attributes.removeAttribute(defined.id);
    b!.library.attributes.setAttributeValue([b!.articleId], onB, '日报');
    expectConverged(all);
    a!.library.annotations.undo();
    expectConverged(all);
    const kept = all[0]!.library.attributes.articleAttributes(all[0]!.articleId).map((v) => v.value);
    // B's value stands, or is recorded as superseded: it is never silently gone.
    const recorded = all.flatMap((d) => d.library.sync.superseded()).some((s) => s.lost === '日报');
    expect(kept[0] === '日报' || recorded).toBe(true);
  });
});
