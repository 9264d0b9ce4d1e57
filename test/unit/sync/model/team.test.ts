import { describe, expect, it } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { madeBySql } from '../../../../main/library/store/madeHere';
import { devicesPerTest, expectConverged, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

const me = (d: Device) => d.library.team.members().find((m) => m.me)!;
const note = (text: string) => ({ editorState: JSON.stringify(plainTextNoteState(text)), plainText: text, markdown: text });
const madeBy = (d: Device, sql: string, ...params: unknown[]) =>
  d.library.database().prepare(sql).pluck().all(...params) as string[];

describe('every highlight, tag assignment, note and memo records who made it (#19, team work)', () => {
  it('each device names its person; what they make carries their uid to the others, and edits keep the maker', async () => {
    const [a, b] = await devices(2);
    a!.library.team.setMe({ name: 'Lin', color: '#1c7ed6' });
    b!.library.team.setMe({ name: 'Wang', color: '#2f9e44' });
    const lin = me(a!).uid;
    const wang = me(b!).uid;
    expect(lin).not.toBe(wang);

    const h = a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(0), start: 0, end: 6, color: 'yellow', tags: ['老街'] });
    expect(h.madeBy).toBe(lin);
    a!.library.annotations.saveNote({ paragraphId: a!.paragraphId(2), ...note('桥上') });
    a!.library.memos.saveArticleMemo(a!.articleId, note('林的备忘'));
    b!.library.annotations.createHighlight({ paragraphId: b!.paragraphId(0), start: 2, end: 6, color: 'green', tags: ['老街'] });
    b!.library.annotations.tagParagraph(b!.paragraphId(1), '老街');
    syncAll([a!, b!]);

    // On Wang's device, Lin's highlight is Lin's (never the person of the device it was projected on).
    const onB = b!.library.getArticle(b!.articleId).highlights;
    expect(onB.map((x) => [x.quote, x.madeBy])).toEqual([
      ['第一段：今天', lin],
      ['段：今天', wang],
    ]);
    // Wang colours Lin's highlight and writes in Lin's note: still Lin's.
    const linsOnB = onB.find((x) => x.madeBy === lin)!;
    b!.library.annotations.updateHighlight(linsOnB.id, 'pink');
    b!.library.annotations.saveNote({ paragraphId: b!.paragraphId(2), ...note('桥上的灯') });
    expectConverged([a!, b!]);
    for (const d of [a!, b!]) {
      expect(d.library.getArticle(d.articleId).highlights.map((x) => [x.color, x.madeBy])).toEqual([
        ['pink', lin],
        ['green', wang],
      ]);
      expect(madeBy(d, 'SELECT made_by FROM note')).toEqual([lin]);
      expect(madeBy(d, 'SELECT made_by FROM memo')).toEqual([lin]);
      // Tag assignments made on the device itself are stored as made there (store/madeHere): read as the uid.
      expect(madeBy(d, `SELECT ${madeBySql('highlight_tag')} FROM highlight_tag`).sort()).toEqual([lin, wang].sort());
      expect(madeBy(d, `SELECT ${madeBySql('paragraph_tag')} FROM paragraph_tag`)).toEqual([wang]);
      // Both people, with the names and colours they chose, on both devices.
      expect(d.library.team.members().map((m) => [m.name, m.color, m.me]).sort()).toEqual(
        [
          ['Lin', '#1c7ed6', d === a],
          ['Wang', '#2f9e44', d === b],
        ].sort(),
      );
    }
    // Rebuilding the rows from the documents alone gives the same makers.
    const before = JSON.stringify(b!.library.sync.projectionDump());
    b!.library.sync.rebuildProjection();
    expect(JSON.stringify(b!.library.sync.projectionDump())).toBe(before);
  });

  it('an undo of deleting another member’s highlight brings it back as theirs', async () => {
    const [a, b] = await devices(2);
    a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(1), start: 0, end: 3, color: 'blue', tags: [] });
    syncAll([a!, b!]);
    const theirs = b!.library.getArticle(b!.articleId).highlights[0]!;
    b!.library.annotations.deleteHighlight(theirs.id);
    b!.library.annotations.undo();
    expect(b!.library.getArticle(b!.articleId).highlights.map((x) => x.madeBy)).toEqual([me(a!).uid]);
    expectConverged([a!, b!]);
  });

  it('a name that is blank or too long, or a colour not offered, is refused and changes nothing', async () => {
    const [a] = await devices(1);
    const before = me(a!);
    expect(() => a!.library.team.setMe({ name: '  ', color: '#1c7ed6' })).toThrow(/needs a name/);
    expect(() => a!.library.team.setMe({ name: '林'.repeat(41), color: '#1c7ed6' })).toThrow(/at most 40/);
    expect(() => a!.library.team.setMe({ name: 'Lin', color: 'red' })).toThrow(/not one of the member colours/);
    expect(me(a!)).toEqual(before);
    // The name defaults to the computer's user name until the person sets one.
    expect(before.name.length).toBeGreaterThan(0);
  });
});

describe('agreement between members of one library', () => {
  it('counts each member’s codings (by who gave the code) and lists where they differ, as computed by hand', async () => {
    const [a, b] = await devices(2);
    a!.library.team.setMe({ name: 'Lin', color: '#1c7ed6' });
    b!.library.team.setMe({ name: 'Wang', color: '#2f9e44' });
    a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(0), start: 0, end: 6, color: 'yellow', tags: ['老街'] });
    b!.library.annotations.createHighlight({ paragraphId: b!.paragraphId(0), start: 2, end: 6, color: 'green', tags: ['老街'] });
    syncAll([a!, b!]);
    const lin = me(a!).uid;
    const wang = me(b!).uid;
    const report = b!.library.team.agreement({ coders: [lin, wang], articleIds: [b!.articleId], level: 'character' });
    // Every character of the three paragraphs is a unit: 4 coded by both, 2 by Lin only, the rest by neither.
    const n = b!.library.getArticle(b!.articleId).paragraphs.reduce((sum, p) => sum + p.text.length, 0);
    const po = (n - 2) / n;
    const pe = (6 / n) * (4 / n) + ((n - 6) / n) * ((n - 4) / n);
    expect(report.perCode.map((c) => c.tag)).toEqual(['老街']);
    expect(report.overall.units).toBe(n);
    expect(report.overall.percentAgreement).toBeCloseTo(po, 10);
    expect(report.overall.cohensKappa).toBeCloseTo((po - pe) / (1 - pe), 10);
    expect(report.disagreements).toEqual([
      expect.objectContaining({ tag: '老街', start: 0, end: 2, text: '第一', codedBy: [lin], notCodedBy: [wang] }),
    ]);
    // At paragraph level both coded paragraph 0 and nothing else: they agree everywhere.
    const paragraphs = b!.library.team.agreement({ coders: [lin, wang], articleIds: [b!.articleId], level: 'paragraph' });
    expect(paragraphs.overall.percentAgreement).toBe(1);
    expect(paragraphs.disagreements).toEqual([]);
  });

  it('refuses fewer than two members or a member the library does not know, by name', async () => {
    const [a] = await devices(1);
    const lin = me(a!).uid;
    expect(() => a!.library.team.agreement({ coders: [lin, lin], articleIds: [a!.articleId], level: 'character' })).toThrow(/at least two members/);
    expect(() => a!.library.team.agreement({ coders: [lin, 'nobody'], articleIds: [a!.articleId], level: 'character' })).toThrow(/nobody/);
  });
});
