import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLibrary } from '../../../../main/library/createLibrary';
import { hasVocabularyWaitingFor, vocabulary, watchWordData } from '../../../../main/library/sync/model/wordData';
import { articleText, devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

/**
 * Sync (#19) replicates the person's word data and paragraph kinds as it does annotations: made
 * on one device, seen on the other; concurrent edits of different fields both kept, of one field
 * one kept and the other recorded as superseded; undo per person.
 */
const devices = devicesPerTest();

const overridesOf = (d: Device) =>
  d.library.overrides.list().map((o) => ({ source: o.source, target: o.target, modes: o.modes }));
const wordsOf = (d: Device) =>
  d.library.vocabulary
    .listVocabulary()
    .map((w) => ({ word: w.word, reading: w.reading, sense: w.sense, paragraphId: w.paragraphId }))
    .sort((x, y) => (x.word < y.word ? -1 : 1));
const kindOf = (d: Device, ord: number) => {
  const p = d.library.getArticle(d.articleId).paragraphs.find((x) => x.order === ord)!;
  return { kind: p.kind, kindByUser: p.kindByUser };
};

/** Saves a word where it stands in the paragraph's text, as the dictionary pop-up does. */
function saveWord(d: Device, word: string, ord: number) {
  const paragraph = d.library.getArticle(d.articleId).paragraphs.find((p) => p.order === ord)!;
  const start = paragraph.text.indexOf(word);
  expect(start).toBeGreaterThanOrEqual(0);
  return d.library.vocabulary.addVocabulary({ paragraphId: paragraph.id, start, end: start + word.length, word });
}

describe('term overrides across devices', () => {
  it('made on one, seen on the other; an edit and a removal follow; undo is the maker’s', async () => {
    const [a, b] = await devices(2);
    const made = a!.library.overrides.add({ source: '软件', target: '軟體', modes: ['tw'] });
    expectConverged([a!, b!]);
    expect(overridesOf(b!)).toEqual([{ source: '软件', target: '軟體', modes: ['tw'] }]);
    // The other person's undo history holds none of it.
    expect(b!.library.annotations.undo()).toBeNull();

    const onB = b!.library.overrides.list()[0]!;
    b!.library.overrides.update(onB.id, { source: '软件', target: '軟件', modes: ['tw', 'hk'] });
    expectConverged([a!, b!]);
    expect(overridesOf(a!)).toEqual([{ source: '软件', target: '軟件', modes: ['tw', 'hk'] }]);

    a!.library.overrides.remove(made.id);
    expectConverged([a!, b!]);
    expect(overridesOf(b!)).toEqual([]);
    // A's undo of its removal brings back the override with B's edit, on both.
    expect(a!.library.annotations.undo()?.op).toBe('override.remove');
    expectConverged([a!, b!]);
    for (const d of [a!, b!]) expect(overridesOf(d)).toEqual([{ source: '软件', target: '軟件', modes: ['tw', 'hk'] }]);
  });

  it('one override’s target changed on both: one stands everywhere, the other recorded as superseded', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.overrides.add({ source: '信息', target: '資訊', modes: ['tw'] });
    syncAll(all);
    a!.library.overrides.update(a!.library.overrides.list()[0]!.id, { source: '信息', target: '訊息', modes: ['tw'] });
    b!.library.overrides.update(b!.library.overrides.list()[0]!.id, { source: '信息', target: '資料', modes: ['tw'] });
    expectConverged(all);
    const kept = overridesOf(a!)[0]!.target;
    expect(['訊息', '資料']).toContain(kept);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({ field: 'target', kept, lost: kept === '訊息' ? '資料' : '訊息' }),
    ]);
  });

  it('the same source overridden for one mode on two offline devices: one reads everywhere, both stay in the document', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.overrides.add({ source: '网络', target: '網路', modes: ['tw'] });
    b!.library.overrides.add({ source: '网络', target: '網絡', modes: ['tw', 'hk'] });
    expectConverged(all);
    // One source reads one way per mode: the last made (then the larger uid) on every device.
    const shown = overridesOf(a!);
    expect(shown).toHaveLength(1);
    expect(overridesOf(b!)).toEqual(shown);
    const doc = JSON.stringify(a!.library.sync.dump());
    expect(doc).toContain('網路');
    expect(doc).toContain('網絡');
    // The device whose override is hidden records it, as a value another device's write replaced.
    const hidden = shown[0]!.target === '網路' ? '網絡' : '網路';
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({ field: 'target', lost: hidden, kept: shown[0]!.target }),
    ]);
    // The one shown removed: the other reads again, everywhere.
    const owner = shown[0]!.target === '網路' ? a! : b!;
    owner.library.overrides.remove(owner.library.overrides.list()[0]!.id);
    expectConverged(all);
    expect(overridesOf(a!).map((o) => o.target)).toEqual([shown[0]!.target === '網路' ? '網絡' : '網路']);
  });
});

describe('vocabulary across devices', () => {
  it('a word saved on one appears on the other on the same paragraph; edits of reading and sense on both are both kept', async () => {
    const all = await devices(2);
    const [a, b] = all;
    saveWord(a!, '河流', 0);
    expectConverged(all);
    expect(wordsOf(b!)).toEqual([{ word: '河流', reading: '', sense: '', paragraphId: b!.paragraphId(0) }]);
    const idOn = (d: Device) => d.library.vocabulary.listVocabulary()[0]!.id;
    a!.library.vocabulary.updateVocabulary(idOn(a!), { reading: 'héliú' });
    b!.library.vocabulary.updateVocabulary(idOn(b!), { sense: 'river' });
    expectConverged(all);
    for (const d of all) expect(wordsOf(d)).toEqual([{ word: '河流', reading: 'héliú', sense: 'river', paragraphId: d.paragraphId(0) }]);
  });

  it('the same field edited on both: one kept, the other superseded; a removal on one and undo bring it back on both', async () => {
    const all = await devices(2);
    const [a, b] = all;
    saveWord(a!, '步道', 1);
    syncAll(all);
    const idOn = (d: Device) => d.library.vocabulary.listVocabulary()[0]!.id;
    a!.library.vocabulary.updateVocabulary(idOn(a!), { sense: 'footpath' });
    b!.library.vocabulary.updateVocabulary(idOn(b!), { sense: 'walkway' });
    expectConverged(all);
    const kept = wordsOf(a!)[0]!.sense;
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({ field: 'sense', kept, lost: kept === 'footpath' ? 'walkway' : 'footpath' }),
    ]);
    b!.library.vocabulary.removeVocabulary(idOn(b!));
    expectConverged(all);
    expect(wordsOf(a!)).toEqual([]);
    expect(b!.library.annotations.undo()?.op).toBe('vocabulary.remove');
    expectConverged(all);
    expect(wordsOf(a!)).toEqual([{ word: '步道', reading: '', sense: kept, paragraphId: a!.paragraphId(1) }]);
  });
});

describe('a word saved in an article another device does not have yet', () => {
  const secondText = ['第一段：山上的茶园一年四季都有人照看。', '第二段：春天采下的新茶最受欢迎。'].join('\n\n');
  const secondOn = (d: Device) => d.library.getArticle(d.library.importText(secondText, '茶园').articleId!);

  it('is kept unlinked there, and linked to its paragraph when that device imports the article', async () => {
    const [a, b] = await devices(2);
    const onA = secondOn(a!);
    const paragraph = onA.paragraphs.find((p) => p.order === 1)!;
    const start = paragraph.text.indexOf('新茶');
    a!.library.vocabulary.addVocabulary({ paragraphId: paragraph.id, start, end: start + 2, word: '新茶' });
    // Only the library document reaches B: the article's text and annotations have not.
    b!.library.sync.apply('library', a!.library.sync.diff('library', b!.library.sync.stateVector('library')));
    expect(b!.library.vocabulary.listVocabulary()).toEqual([
      expect.objectContaining({ word: '新茶', articleId: null, paragraphId: null }),
    ]);
    // Another article stored meanwhile links nothing.
    b!.library.importText('第一段：另一篇文章，和茶没有关系。');
    expect(b!.library.vocabulary.listVocabulary()).toEqual([expect.objectContaining({ word: '新茶', articleId: null })]);
    const onB = secondOn(b!);
    expect(b!.library.vocabulary.listVocabulary()).toEqual([
      expect.objectContaining({
        word: '新茶',
        articleId: onB.id,
        paragraphId: onB.paragraphs.find((p) => p.order === 1)!.id,
        start,
      }),
    ]);
    expectConverged([a!, b!]);
  });

  it('is looked for among unlinked words only: with none, an import does not read the vocabulary in the document', async () => {
    const [a] = await devices(1);
    saveWord(a!, '河流', 0);
    const library = new Y.Doc();
    const map = vocabulary(library);
    map.set('w1', new Y.Map());
    const forEach = vi.spyOn(map, 'forEach');
    const get = vi.spyOn(map, 'get');
    const db = a!.library.database();
    expect(hasVocabularyWaitingFor(db, library, 'some-article')).toBe(false);
    expect(forEach).not.toHaveBeenCalled();
    expect(get).not.toHaveBeenCalled();
    // A word whose article was deleted here is unlinked: its entry alone is read.
    db.prepare('UPDATE vocabulary SET article_id = NULL, paragraph_id = NULL').run();
    const uid = db.prepare('SELECT uid FROM vocabulary').pluck().get() as string;
    const entry = new Y.Map<unknown>();
    map.set(uid, entry);
    entry.set('article', 'some-article');
    expect(hasVocabularyWaitingFor(db, library, 'some-article')).toBe(true);
    expect(hasVocabularyWaitingFor(db, library, 'another-article')).toBe(false);
    expect(forEach).not.toHaveBeenCalled();
    expect(get.mock.calls.map(([key]) => key)).toEqual([uid, uid]);
  });
});

describe('a projection of the library document reads the word data its transactions changed', () => {
  it('names the entries changed (a field inside one by its key), and none for a change of tags', () => {
    const library = new Y.Doc();
    const watch = watchWordData(library);
    // Nothing is known of the rows before the first projection.
    expect(watch.take()).toBe('all');
    const remote = new Y.Doc();
    const word = new Y.Map<unknown>();
    remote.getMap('vocabulary').set('w1', word);
    word.set('word', '河流');
    Y.applyUpdate(library, Y.encodeStateAsUpdate(remote));
    const none = { overrides: false, stopWords: false, vocabulary: new Set(), unlinkedVocabulary: false };
    expect(watch.take()).toEqual({ ...none, vocabulary: new Set(['w1']) });
    const field = Y.encodeStateVector(remote);
    word.set('sense', 'river');
    Y.applyUpdate(library, Y.encodeStateAsUpdate(remote, field));
    expect(watch.take()).toEqual({ ...none, vocabulary: new Set(['w1']) });
    library.getMap('tags').set('t1', new Y.Map());
    expect(watch.take()).toEqual(none);
    library.getMap('stopwords').set('w:的', true);
    const override = new Y.Map<unknown>();
    library.getMap('overrides').set('o1', override);
    expect(watch.take()).toEqual({ ...none, stopWords: true, overrides: true });
    override.set('target', '軟體');
    watch.articleStored();
    expect(watch.take()).toEqual({ ...none, overrides: true, unlinkedVocabulary: true });
    expect(watch.take()).toEqual(none);
  });
});

describe('the stop-word list across devices', () => {
  it('a list set on one is the other’s; words added on both at once are all kept; back to the default follows', async () => {
    const all = await devices(2);
    const [a, b] = all;
    a!.library.analysis.setStopWords(['的', '了']);
    expectConverged(all);
    // A set: the other device lists it in code point order.
    expect(b!.library.analysis.stopWords()).toEqual({ words: ['了', '的'], isDefault: false });
    a!.library.analysis.setStopWords(['的', '了', '吗']);
    b!.library.analysis.setStopWords(['的', '呢']);
    expectConverged(all);
    for (const d of all) expect([...d.library.analysis.stopWords().words].sort()).toEqual(['吗', '呢', '的']);
    // The same word added on both is in the list once, and no conflict.
    a!.library.analysis.setStopWords(['的', '吗', '呢', '是']);
    b!.library.analysis.setStopWords(['是', '的', '吗', '呢']);
    expectConverged(all);
    for (const d of all) expect([...d.library.analysis.stopWords().words].sort()).toEqual(['吗', '呢', '是', '的']);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([]);
    b!.library.analysis.setStopWords(null);
    expectConverged(all);
    expect(a!.library.analysis.stopWords().isDefault).toBe(true);
    expect(b!.library.annotations.undo()?.op).toBe('analysis.stop-words');
    expectConverged(all);
    expect([...a!.library.analysis.stopWords().words].sort()).toEqual(['吗', '呢', '是', '的']);
  });
});

describe('paragraph kinds across devices', () => {
  it('a kind the person set on one is set on the other; their undo puts the cleaned kind back on both', async () => {
    const all = await devices(2);
    const [a, b] = all;
    const cleaned = kindOf(a!, 2);
    a!.library.reclassifyParagraph(a!.paragraphId(2), 'boilerplate');
    expectConverged(all);
    expect(kindOf(b!, 2)).toEqual({ kind: 'boilerplate', kindByUser: true });
    // Put back as body on the other device: a hidden line shown again follows to the first.
    b!.library.reclassifyParagraph(b!.paragraphId(2), 'body');
    expectConverged(all);
    expect(kindOf(a!, 2)).toEqual({ kind: 'body', kindByUser: true });
    expect(b!.library.annotations.undo()?.op).toBe('paragraph.reclassify');
    expectConverged(all);
    expect(kindOf(a!, 2)).toEqual({ kind: 'boilerplate', kindByUser: true });
    expect(a!.library.annotations.undo()?.op).toBe('paragraph.reclassify');
    expectConverged(all);
    for (const d of all) expect(kindOf(d, 2)).toEqual(cleaned);
  });

  it('one paragraph given two kinds at once: one stands everywhere, the other recorded as superseded', async () => {
    const all = await devices(2);
    // The same kind chosen on both is no conflict.
    for (const d of all) d.library.reclassifyParagraph(d.paragraphId(0), 'heading');
    expectConverged(all);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([]);
    all[0]!.library.reclassifyParagraph(all[0]!.paragraphId(1), 'caption');
    all[1]!.library.reclassifyParagraph(all[1]!.paragraphId(1), 'heading');
    expectConverged(all);
    const kept = kindOf(all[0]!, 1).kind;
    expect(['caption', 'heading']).toContain(kept);
    expect(all.flatMap((d) => d.library.sync.superseded())).toEqual([
      expect.objectContaining({
        field: '1',
        kept,
        lost: kept === 'caption' ? 'heading' : 'caption',
      }),
    ]);
  });
});

describe('a re-import that moves paragraphs', () => {
  it('moves the document’s words and kinds with them, so rows rebuilt from it stay on the same lines', async () => {
    const [a] = await devices(1);
    saveWord(a!, '步道', 1);
    a!.library.reclassifyParagraph(a!.paragraphId(2), 'caption');
    const edited = `前言：这是新加的一段，放在最前面。\n\n${articleText}`;
    a!.library.reimportArticle(a!.articleId, new TextEncoder().encode(edited), 'river.txt');
    const placed = () => {
      const article = a!.library.getArticle(a!.articleId);
      const word = a!.library.vocabulary.listVocabulary()[0]!;
      return {
        word: article.paragraphs.find((p) => p.id === word.paragraphId)?.text.includes('步道'),
        caption: article.paragraphs.filter((p) => p.kindByUser).map((p) => [p.text.slice(0, 3), p.kind]),
      };
    };
    expect(placed()).toEqual({ word: true, caption: [['第三段', 'caption']] });
    const incremental = JSON.stringify(a!.library.sync.projectionDump());
    a!.library.sync.rebuildProjection();
    expect(JSON.stringify(a!.library.sync.projectionDump())).toBe(incremental);
    expect(placed()).toEqual({ word: true, caption: [['第三段', 'caption']] });
  });
});

describe('a library seeded before word data was replicated', () => {
  it('writes its overrides, vocabulary, stop words and kinds into the documents at its next open', async () => {
    const [a, b] = await devices(2);
    const path = a!.library.database().name;
    a!.library.overrides.add({ source: '软件', target: '軟體', modes: ['tw'] });
    saveWord(a!, '老街', 0);
    a!.library.analysis.setStopWords(['的']);
    a!.library.reclassifyParagraph(a!.paragraphId(2), 'caption');
    // As a library synced before this round left it: its documents without any of these.
    const db = a!.library.database();
    db.exec(`DELETE FROM sync_update WHERE doc = 'library' OR doc LIKE 'article/%'; UPDATE sync_state SET seeded = 1`);
    a!.library.close();
    a!.library = await createLibrary({ dbPath: path });
    expectConverged([a!, b!]);
    expect(overridesOf(b!)).toEqual([{ source: '软件', target: '軟體', modes: ['tw'] }]);
    expect(wordsOf(b!).map((w) => w.word)).toEqual(['老街']);
    expect(b!.library.analysis.stopWords().words).toEqual(['的']);
    expect(kindOf(b!, 2)).toEqual({ kind: 'caption', kindByUser: true });
  });
});
