import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { openAsSchema } from '../../main/library/store/searchMigrationCase';
import { tempDirs } from '../syncFixtures';
import { cleaner } from './newerCleaner';
import { exchangeDocs as exchange } from '../exchangeDocs';

/**
 * Issue #19: a note or paragraph tag made on a split of the text no map leads to from this
 * device's (another device re-cleaned with a newer cleaner; this one has not) was kept in the
 * document and shown nowhere. It is now listed with the article as unplaced, with its words and
 * its maker, until this device splits the text alike; rebuilding the rows from the documents gives
 * the same list. The newer cleaner (newerCleaner.ts): the first paragraph cut in two.
 */
vi.mock('../../../../main/library/import/prepareImport', async (importOriginal) =>
  (await import('./newerCleaner')).newerCleanerModule(importOriginal),
);

const tempDir = tempDirs('pizhu-sync-unplaced-');

const text = [
  '第一段：今天我们读一篇关于城市与河流的文章，作者从老街写起。',
  '第二段：河水从山里流下来，穿过整座城市，两岸是新修的步道。',
  '第三段：到了晚上，桥上的灯亮起来，许多人来这里散步和聊天。',
].join('\n\n');

let opened: Library[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
  cleaner.newer = false;
});

let dir = '';
async function libraries(): Promise<[Library, Library]> {
  dir = tempDir();
  const a = await createLibrary({ dbPath: path.join(dir, 'A.sqlite'), deviceName: 'laptop A' });
  const b = await createLibrary({ dbPath: path.join(dir, 'B.sqlite'), deviceName: 'laptop B' });
  opened.push(a, b);
  return [a, b];
}

const only = (library: Library) => library.listArticles()[0]!.id;
const me = (library: Library) => library.team.members().find((m) => m.me)!.uid;

function paragraph(library: Library, begins: string): number {
  const found = library.getArticle(only(library)).paragraphs.find((p) => p.text.startsWith(begins));
  expect(found, begins).toBeDefined();
  return found!.id;
}

function note(library: Library, begins: string, plain: string): void {
  library.annotations.saveNote({
    paragraphId: paragraph(library, begins),
    editorState: JSON.stringify(plainTextNoteState(plain)),
    plainText: plain,
    markdown: plain,
  });
}

/** What the reader lists as unplaced: kind, words or tag, and maker. */
const unplaced = (library: Library) =>
  library
    .getArticle(only(library))
    .unplaced.map((u) => ({ kind: u.kind, text: u.plainText, tag: u.tag, madeBy: u.madeBy }));

/** The notes as the reader shows them on paragraphs, by the paragraph's text. */
function placedNotes(library: Library): Record<string, string> {
  const article = library.getArticle(only(library));
  const textOf = new Map(article.paragraphs.map((p) => [p.id, p.text]));
  return Object.fromEntries(article.notes.map((n) => [textOf.get(n.paragraphId) ?? '', n.plainText]));
}

function expectRebuildEqual(all: readonly Library[]): void {
  for (const library of all) {
    const incremental = JSON.stringify(library.sync.projectionDump());
    library.sync.rebuildProjection();
    expect(JSON.stringify(library.sync.projectionDump())).toBe(incremental);
  }
}

/** A re-cleans with the newer cleaner and annotates the half paragraph only its split has; B keeps the old split. */
async function reCleanedOnA(): Promise<[Library, Library]> {
  const [a, b] = await libraries();
  a.importText(text, '城市与河流');
  exchange([a, b]);
  cleaner.newer = true;
  a.recleanArticle(only(a));
  cleaner.newer = false;
  note(a, '作者从老街写起', '老街的记忆');
  a.annotations.tagParagraph(paragraph(a, '作者从老街写起'), '老街');
  exchange([a, b]);
  return [a, b];
}

describe('notes and paragraph tags no paragraph here is known to match', () => {
  it('are listed as unplaced on the device with the other split, with their words and maker, and placed once it splits alike', async () => {
    const [a, b] = await reCleanedOnA();
    expect(placedNotes(a)).toEqual({ '作者从老街写起。': '老街的记忆' });
    expect(unplaced(a)).toEqual([]);
    // Before: B showed neither anywhere (no note, no paragraph tag, nothing else).
    expect(placedNotes(b)).toEqual({});
    expect(b.getArticle(only(b)).paragraphTags).toEqual({});
    expect(unplaced(b)).toEqual([
      { kind: 'note', text: '老街的记忆', tag: null, madeBy: me(a) },
      { kind: 'paragraph_tag', text: '', tag: '老街', madeBy: me(a) },
    ]);
    expectRebuildEqual([a, b]);

    // B takes the newer cleaner: the same split, so they are placed, and the list is empty.
    cleaner.newer = true;
    b.recleanArticle(only(b));
    cleaner.newer = false;
    exchange([a, b]);
    expect(placedNotes(b)).toEqual({ '作者从老街写起。': '老街的记忆' });
    expect(unplaced(b)).toEqual([]);
    expect(JSON.stringify(b.sync.projectionDump())).toBe(JSON.stringify(a.sync.projectionDump()));
    expectRebuildEqual([a, b]);
  });

  it('follow their tag when the person merges or renames it, and leave with its delete, as the rebuild does', async () => {
    const [a, b] = await reCleanedOnA();
    b.annotations.tagParagraph(paragraph(b, '第二段'), '街道');
    b.annotations.mergeTags('老街', '街道');
    expect(unplaced(b).map((u) => u.tag)).toEqual([null, '街道']);
    expectRebuildEqual([b]);
    b.annotations.renameTag('街道', '街巷');
    expect(unplaced(b).map((u) => u.tag)).toEqual([null, '街巷']);
    expectRebuildEqual([b]);
    exchange([a, b]);
    expect(unplaced(b).map((u) => u.tag)).toEqual([null, '街巷']);
    expect(a.getArticle(only(a)).paragraphTags[paragraph(a, '作者从老街写起')]).toEqual(['街巷']);
    expectRebuildEqual([a, b]);
    b.annotations.deleteTag('街巷');
    expect(unplaced(b)).toEqual([{ kind: 'note', text: '老街的记忆', tag: null, madeBy: me(a) }]);
    expectRebuildEqual([b]);
  });

  it('leave the list when their maker deletes them on their own device', async () => {
    const [a, b] = await reCleanedOnA();
    a.annotations.untagParagraph(paragraph(a, '作者从老街写起'), '老街');
    note(a, '作者从老街写起', '');
    exchange([a, b]);
    expect(unplaced(b)).toEqual([]);
    expectRebuildEqual([a, b]);
  });

  it('are listed on a library that held them before migration 0042, at its first open after', async () => {
    const [a, b] = await reCleanedOnA();
    a.close();
    b.close();
    opened = [];
    const old = openAsSchema(path.join(dir, 'B.sqlite'), 41);
    old.exec('UPDATE sync_state SET seeded = 3');
    old.close();
    const reopened = await createLibrary({ dbPath: path.join(dir, 'B.sqlite'), deviceName: 'laptop B' });
    opened.push(reopened);
    expect(unplaced(reopened).map((u) => [u.kind, u.text, u.tag])).toEqual([
      ['note', '老街的记忆', null],
      ['paragraph_tag', '', '老街'],
    ]);
    expectRebuildEqual([reopened]);
  });
});
