import { describe, expect, it } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const highlightsOf = (d: Device) => d.library.getArticle(d.articleId).highlights;
const only = <T>(items: readonly T[]): T => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

/** How many highlights and paragraphs of the article carry the tag. */
function usesOf(d: Device, tag: string): number {
  const article = d.library.getArticle(d.articleId);
  const onHighlights = article.highlights.filter((h) => h.tags.includes(tag)).length;
  return onHighlights + Object.values(article.paragraphTags).filter((tags) => tags.includes(tag)).length;
}

function saveNote(d: Device, ord: number, text: string) {
  return d.library.annotations.saveNote({
    paragraphId: d.paragraphId(ord),
    editorState: JSON.stringify(plainTextNoteState(text)),
    plainText: text,
    markdown: text,
  });
}

/** A highlight made on A and synced to the others; its id on each device. */
function sharedHighlight(all: readonly Device[], tags: string[] = []): number[] {
  const [a] = all;
  a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(1), start: 3, end: 7, color: 'yellow', tags });
  syncAll(all);
  return all.map((d) => only(highlightsOf(d)).id);
}

describe('two libraries syncing through their endpoints', () => {
  it('a highlight made on one appears on the other, outside the other person’s undo history', async () => {
    const [a, b] = await devices(2);
    const made = a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(1),
      start: 3,
      end: 7,
      color: 'green',
      tags: ['城市'],
    });
    expectConverged([a!, b!]);
    expect(only(highlightsOf(b!))).toMatchObject({
      quote: made.quote,
      color: 'green',
      tags: ['城市'],
      start: 3,
      end: 7,
    });
    expect(b!.library.annotations.undo()).toBeNull();
    expect(b!.library.sync.deviceId).not.toBe(a!.library.sync.deviceId);
  });

  it('keeps a colour changed on one device and a range changed on the other', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.updateHighlight(ha!, 'blue');
    all[1]!.setRange(hb!, 5, 12);
    expectConverged(all);
    for (const d of all) expect(only(highlightsOf(d))).toMatchObject({ color: 'blue', start: 5, end: 12 });
    for (const d of all) expect(d.library.sync.superseded()).toEqual([]);
  });

  it('an undo of the colour takes back only the colour: the range the other device set stays', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.updateHighlight(ha!, 'blue');
    all[1]!.setRange(hb!, 5, 12);
    syncAll(all);
    expect(all[0]!.library.annotations.undo()).toMatchObject({ op: 'highlight.recolor' });
    expectConverged(all);
    for (const d of all) expect(only(highlightsOf(d))).toMatchObject({ color: 'yellow', start: 5, end: 12 });
  });

  it('an undo of a colour change on a highlight the other device deleted leaves it deleted', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.updateHighlight(ha!, 'blue');
    all[1]!.library.annotations.deleteHighlight(hb!);
    syncAll(all);
    expect(highlightsOf(all[0]!)).toEqual([]);
    all[0]!.library.annotations.undo();
    expectConverged(all);
    for (const d of all) expect(highlightsOf(d)).toEqual([]);
    // The other device's undo of its delete brings it back everywhere, with the colour as it stands.
    expect(all[1]!.library.annotations.undo()).toMatchObject({ op: 'highlight.delete' });
    expectConverged(all);
    for (const d of all) expect(only(highlightsOf(d))).toMatchObject({ color: 'yellow', start: 3, end: 7 });
  });

  it('the same field set on both: one value wins everywhere, the other is kept as superseded where it was lost', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.updateHighlight(ha!, 'pink');
    all[1]!.library.annotations.updateHighlight(hb!, 'purple');
    expectConverged(all);
    const winner = only(highlightsOf(all[0]!)).color;
    expect(['pink', 'purple']).toContain(winner);
    const loser = all.find((d) => only(highlightsOf(d)).color === winner && d.library.sync.superseded().length > 0);
    const records = all.flatMap((d) => d.library.sync.superseded());
    expect(loser).toBeDefined();
    expect(records).toEqual([
      expect.objectContaining({ field: 'color', lost: winner === 'pink' ? 'purple' : 'pink', kept: winner }),
    ]);
  });

  it('a note edited on both keeps both insertions', async () => {
    const all = await devices(2);
    saveNote(all[0]!, 1, '今天读了。');
    syncAll(all);
    expect(all[1]!.library.annotations.getNote(all[1]!.paragraphId(1))?.plainText).toBe('今天读了。');
    saveNote(all[0]!, 1, '今天早上读了。');
    saveNote(all[1]!, 1, '今天读了两遍。');
    expectConverged(all);
    for (const d of all) {
      const note = d.library.annotations.getNote(d.paragraphId(1));
      expect(note?.plainText).toBe('今天早上读了两遍。');
      // The merged text has an editor state that shows it.
      expect(note?.editorState).toContain('今天早上读了两遍。');
    }
  });

  it('a highlight’s comment edited on both keeps both devices’ words', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.updateHighlightComment(ha!, '对照');
    syncAll(all);
    all[0]!.library.annotations.updateHighlightComment(ha!, '先对照');
    all[1]!.library.annotations.updateHighlightComment(hb!, '对照第二段');
    expectConverged(all);
    for (const d of all) expect(only(highlightsOf(d)).comment).toBe('先对照第二段');
  });

  it('delete versus edit: the highlight is deleted, and the edit survives in the data', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all);
    all[0]!.library.annotations.deleteHighlight(ha!);
    all[1]!.library.annotations.updateHighlight(hb!, 'orange');
    expectConverged(all);
    for (const d of all) expect(highlightsOf(d)).toEqual([]);
    const dump = all[0]!.library.sync.dump() as Record<string, { highlights: Record<string, Record<string, unknown>> }>;
    const article = Object.keys(dump).find((n) => n.startsWith('article/'))!;
    expect(Object.values(dump[article]!.highlights)).toEqual([
      expect.objectContaining({ deleted: true, color: 'orange', start_offset: 3, end_offset: 7 }),
    ]);
  });

  it('a highlight deleted on both is deleted once, and its tags with it', async () => {
    const all = await devices(2);
    const [ha, hb] = sharedHighlight(all, ['河流']);
    all[0]!.library.annotations.deleteHighlight(ha!);
    all[1]!.library.annotations.deleteHighlight(hb!);
    expectConverged(all);
    for (const d of all) {
      expect(highlightsOf(d)).toEqual([]);
      expect(usesOf(d, '河流')).toBe(0);
    }
  });

  it('a tag renamed on both ends with one name everywhere, the other kept as superseded', async () => {
    const all = await devices(2);
    sharedHighlight(all, ['地点']);
    all[0]!.library.annotations.renameTag('地点', '城市');
    all[1]!.library.annotations.renameTag('地点', '河流');
    expectConverged(all);
    const names = all.map((d) => d.library.annotations.listTags().map((t) => t.name));
    expect(names[0]).toHaveLength(1);
    expect(names[1]).toEqual(names[0]);
    const name = names[0]![0]!;
    for (const d of all) expect(only(highlightsOf(d)).tags).toEqual([name]);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({ field: 'name', kept: name, lost: name === '城市' ? '河流' : '城市' }),
    ]);
  });

  it('the same tag name made on two offline devices is one tag holding both uses', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(0),
      start: 0,
      end: 2,
      color: 'yellow',
      tags: ['夜景'],
    });
    b!.library.annotations.tagParagraph(b!.paragraphId(2), '夜景');
    expectConverged(all);
    for (const d of all) {
      expect(d.library.annotations.listTags().map((t) => t.name)).toEqual(['夜景']);
      expect(usesOf(d, '夜景')).toBe(2);
    }
  });

  it('a tag merged on one device while used on the other: the new use follows the merge', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '桥');
    a!.library.annotations.tagParagraph(a!.paragraphId(1), '灯');
    syncAll(all);
    a!.library.annotations.mergeTags('灯', '桥');
    b!.library.annotations.tagParagraph(b!.paragraphId(2), '灯');
    expectConverged(all);
    for (const d of all) {
      expect(d.library.annotations.listTags().map((t) => t.name)).toEqual(['桥']);
      expect(usesOf(d, '桥')).toBe(3);
    }
  });
});

describe('three libraries', () => {
  it('converge on a note, a colour and a tag changed on all three at once', async () => {
    const all = await devices(3);
    const ids = sharedHighlight(all, ['主题']);
    saveNote(all[0]!, 2, '灯。');
    syncAll(all);
    saveNote(all[0]!, 2, '甲灯。');
    saveNote(all[1]!, 2, '灯乙。');
    saveNote(all[2]!, 2, '灯。丙');
    all.forEach((d, i) => d.library.annotations.updateHighlight(ids[i]!, (['blue', 'pink', 'green'] as const)[i]!));
    all[2]!.library.annotations.renameTag('主题', '题目');
    expectConverged(all);
    for (const d of all) {
      const text = d.library.annotations.getNote(d.paragraphId(2))!.plainText;
      for (const part of ['甲', '乙', '丙']) expect(text).toContain(part);
      expect(only(highlightsOf(d)).tags).toEqual(['题目']);
    }
    // The two colours that lost are kept as superseded (on each device that had shown one), none the winner.
    const winner = only(highlightsOf(all[0]!)).color;
    const lost = all.flatMap((d) => d.library.sync.superseded()).filter((s) => s.field === 'color');
    expect(new Set(lost.map((s) => s.lost))).toEqual(new Set(['blue', 'pink', 'green'].filter((c) => c !== winner)));
    expect(new Set(lost.map((s) => s.kept))).toContain(winner);
    // A device whose own colour lost recorded it.
    all.forEach((d, i) => {
      const own = ['blue', 'pink', 'green'][i]!;
      if (own !== winner) expect(d.library.sync.superseded().map((s) => s.lost)).toContain(own);
    });
  });

  it('rebuilding the rows from the documents alone gives the rows kept incrementally', async () => {
    const all = await devices(3);
    const [a, b, c] = all;
    const ids = sharedHighlight(all, ['城市']);
    a!.library.annotations.updateHighlightComment(ids[0]!, '对照第二段');
    b!.library.annotations.tagParagraph(b!.paragraphId(0), '老街');
    c!.library.annotations.createHighlight({
      paragraphId: c!.paragraphId(2),
      start: 0,
      end: 4,
      color: 'pink',
      tags: ['夜景'],
    });
    saveNote(b!, 0, '老街在哪里？');
    syncAll(all);
    a!.library.annotations.mergeTags('老街', '城市');
    c!.library.annotations.describeTag('夜景', {
      definition: '写夜晚的段落',
      inclusion: '',
      exclusion: '',
      example: '',
    });
    b!.library.annotations.tagParagraph(b!.paragraphId(1), '老街');
    const genre = c!.library.attributes.defineAttribute({ name: '体裁', kind: 'text' });
    c!.library.attributes.setAttributeValue([c!.articleId], genre.id, '散文');
    a!.library.memos.saveArticleMemo(a!.articleId, { editorState: '{}', plainText: '备忘', markdown: '备忘' });
    // The person's word data and paragraph kinds, made on different devices (wordData.test.ts).
    a!.library.overrides.add({ source: '城市', target: '城巿', modes: ['tw'] });
    b!.library.overrides.add({ source: '城市', target: '都市', modes: ['tw'] });
    const river = b!.library.getArticle(b!.articleId).paragraphs.find((p) => p.order === 1)!;
    b!.library.vocabulary.addVocabulary({
      paragraphId: river.id,
      start: river.text.indexOf('步道'),
      end: river.text.indexOf('步道') + 2,
      word: '步道',
      sense: 'footpath',
    });
    c!.library.analysis.setStopWords(['的', '了']);
    a!.library.analysis.setStopWords(['的', '吗']);
    c!.library.reclassifyParagraph(c!.paragraphId(2), 'caption');
    expectConverged(all);
    for (const d of all) {
      const incremental = JSON.stringify(d.library.sync.projectionDump());
      for (const made of ['步道', 'footpath', '"吗"', '"caption"']) expect(incremental).toContain(made);
      expect(incremental).toMatch(/城巿|都市/);
      const db = d.library.database();
      db.exec(
        'DELETE FROM highlight_tag; DELETE FROM paragraph_tag; DELETE FROM note; DELETE FROM highlight; DELETE FROM tag; DELETE FROM memo; DELETE FROM attribute;',
      );
      db.exec(
        'DELETE FROM term_override; DELETE FROM vocabulary; DELETE FROM stop_word_list; UPDATE paragraph SET kind_by_user = 0 WHERE kind_by_user = 1;',
      );
      expect(JSON.stringify(d.library.sync.projectionDump())).not.toBe(incremental);
      d.library.sync.rebuildProjection();
      expect(JSON.stringify(d.library.sync.projectionDump())).toBe(incremental);
    }
  });
});
