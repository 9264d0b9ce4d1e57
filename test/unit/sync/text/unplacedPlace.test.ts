import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { LibraryError } from '../../../../main/library/libraryError';
import { tempDirs } from '../syncFixtures';
import { cleaner } from './newerCleaner';
import { exchangeDocs as exchange } from '../exchangeDocs';
import { only, paragraphOf, unplacedOnB, writeNote } from './unplacedFixture';

/**
 * Issue #19: the person places a note or paragraph tag listed as unplaced on a paragraph they
 * choose. Its words join that paragraph's note (a tag goes on the paragraph) as their own edit:
 * one undo step, synced as any edit; the entry is then set aside here, and the other device's
 * original is untouched.
 */
vi.mock('../../../../main/library/import/prepareImport', async (importOriginal) =>
  (await import('./newerCleaner')).newerCleanerModule(importOriginal),
);

const tempDir = tempDirs('pizhu-unplaced-place-');

let opened: Library[] = [];
afterEach(() => {
  for (const library of opened) library.close();
  opened = [];
  cleaner.newer = false;
});

async function devices(): Promise<[Library, Library]> {
  const pair = await unplacedOnB(tempDir());
  opened.push(...pair);
  return pair;
}

const keyOf = (library: Library, kind: 'note' | 'paragraph_tag') =>
  library.getArticle(only(library)).unplaced.find((u) => u.kind === kind)!.key;

function noteOn(library: Library, begins: string): string | undefined {
  const id = paragraphOf(library, begins);
  return library.getArticle(only(library)).notes.find((n) => n.paragraphId === id)?.plainText;
}

describe('placing an unplaced note or tag', () => {
  it("adds the note's words after the paragraph's own note, tags the paragraph, and sets both aside; A's stay as they were", async () => {
    const [a, b] = await devices();
    writeNote(b, '第一段', '我的笔记');
    const first = paragraphOf(b, '第一段');
    const afterNote = b.placeUnplaced({ articleId: only(b), key: keyOf(b, 'note'), paragraphId: first });
    expect(afterNote.map((u) => [u.kind, u.dismissed])).toEqual([
      ['note', true],
      ['paragraph_tag', false],
    ]);
    expect(noteOn(b, '第一段')).toBe('我的笔记\n\n老街的记忆');
    b.placeUnplaced({ articleId: only(b), key: keyOf(b, 'paragraph_tag'), paragraphId: first });
    expect(b.getArticle(only(b)).paragraphTags[first]).toEqual(['老街']);

    // Synced as B's edits; A's note and tag on its own half paragraph are as A made them.
    exchange([a, b]);
    expect(noteOn(a, '作者从老街写起')).toBe('老街的记忆');
    expect(noteOn(b, '第一段')).toBe('我的笔记\n\n老街的记忆');
    expect(b.getArticle(only(b)).unplaced.map((u) => [u.plainText || u.tag, u.dismissed])).toEqual([
      ['老街的记忆', true],
      ['老街', true],
    ]);
  });

  it('is one undo step for the note, and the entry stays listed (set aside) after the undo', async () => {
    const [, b] = await devices();
    const second = paragraphOf(b, '第二段');
    b.placeUnplaced({ articleId: only(b), key: keyOf(b, 'note'), paragraphId: second });
    expect(noteOn(b, '第二段')).toBe('老街的记忆');
    b.annotations.undo();
    expect(noteOn(b, '第二段')).toBeUndefined();
    expect(b.getArticle(only(b)).unplaced.map((u) => [u.plainText || u.tag, u.dismissed])).toEqual([
      ['老街的记忆', true],
      ['老街', false],
    ]);
  });

  it('refuses a key the article does not list, or a paragraph of another article, and changes nothing', async () => {
    const [, b] = await devices();
    b.importText('另一篇文章的第一段。\n\n第二段。', '另一篇');
    const other = b.listArticles().find((x) => x.title === '另一篇')!.id;
    const river = b.listArticles().find((x) => x.title === '城市与河流')!.id;
    const otherParagraph = b.getArticle(other).paragraphs[0]!.id;
    const before = JSON.stringify([b.getArticle(river), b.getArticle(other)]);
    const refused = (request: Parameters<Library['placeUnplaced']>[0]) => {
      try {
        b.placeUnplaced(request);
      } catch (error) {
        return error instanceof LibraryError ? [error.code, error.message] : error;
      }
      return 'placed';
    };
    const note = b.getArticle(river).unplaced.find((u) => u.kind === 'note')!.key;
    expect(refused({ articleId: river, key: 'note/99@0000000000000000', paragraphId: otherParagraph })).toEqual([
      'not-found',
      `Article ${river} lists no unplaced note or tag note/99@0000000000000000.`,
    ]);
    expect(refused({ articleId: river, key: note, paragraphId: otherParagraph })).toEqual([
      'invalid-argument',
      `Paragraph ${otherParagraph} is not a paragraph of article ${river}.`,
    ]);
    expect(JSON.stringify([b.getArticle(river), b.getArticle(other)])).toBe(before);
  });

  it('places one a backup restored the same way; its words on a note, it is no longer listed', async () => {
    const dir = tempDir();
    const pair = await unplacedOnB(dir);
    opened.push(...pair);
    const file = path.join(dir, 'backup.json');
    pair[1].exportBackup(file);
    const fresh = await createLibrary({ dbPath: path.join(dir, 'C.sqlite'), deviceName: 'laptop C' });
    opened.push(fresh);
    fresh.importBackup(file);
    const note = fresh.getArticle(only(fresh)).unplaced.find((u) => u.kind === 'note')!;
    expect(note.restoredMaker).toBe('林');
    const left = fresh.placeUnplaced({
      articleId: only(fresh),
      key: note.key,
      paragraphId: paragraphOf(fresh, '第三段'),
    });
    expect(noteOn(fresh, '第三段')).toBe('老街的记忆');
    expect(left.map((u) => [u.kind, u.tag])).toEqual([['paragraph_tag', '老街']]);
  });
});
