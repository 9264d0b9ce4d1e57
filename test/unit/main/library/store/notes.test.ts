import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../../../../main/library/annotations/noteOperations';
import {
  annotationRows,
  bodyParagraphs,
  openSeededLibrary,
  seedArticle,
  type SeededLibrary,
} from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function content(paragraphId: number, text: string): NoteContent {
  const editorState = JSON.stringify({
    root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }], type: 'root' },
  });
  return { paragraphId, editorState, plainText: text, markdown: text };
}

describe('notes', () => {
  it('are saved one per paragraph and come back after a restart, in paragraph order', async () => {
    const article = seedArticle(seeded.library, '002');
    const [p1, p2] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const second = annotations.saveNote(content(p2!.id, '第二段的批注:**重点**'));
    const first = annotations.saveNote(content(p1!.id, '第一段'));
    expect(first).toEqual({ ...content(p1!.id, '第一段'), updatedAt: '2026-11-23T10:00:00.000Z' });
    const library = await seeded.reopen();
    expect(library.annotations.getNote(p2!.id)).toEqual(second);
    expect(library.getArticle(article.id).notes).toEqual([first, second]);
  });

  it('a second save replaces the paragraph note, it does not add one', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '003'));
    const { annotations } = seeded.library;
    annotations.saveNote(content(p!.id, '初稿'));
    expect(annotations.saveNote(content(p!.id, '定稿'))).toMatchObject({ plainText: '定稿' });
    expect(annotationRows(seeded.library.database()).note).toHaveLength(1);
  });

  it('saving a blank note deletes it; a blank save with no note changes nothing', () => {
    const article = seedArticle(seeded.library, '004');
    const [p, q] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    annotations.saveNote(content(p!.id, '要删掉的'));
    expect(annotations.saveNote(content(p!.id, '  \n '))).toBeNull();
    expect(annotations.getNote(p!.id)).toBeNull();
    expect(seeded.library.getArticle(article.id).notes).toEqual([]);
    const before = annotationRows(seeded.library.database());
    expect(annotations.saveNote(content(q!.id, ''))).toBeNull();
    expect(annotationRows(seeded.library.database())).toEqual(before);
  });

  it('a note on a paragraph that does not exist is refused as not-found', () => {
    expect(() => seeded.library.annotations.saveNote(content(999_999, 'x'))).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(() => seeded.library.annotations.getNote(999_999)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('count in the article summary', () => {
    const article = seedArticle(seeded.library, '000');
    const [p] = bodyParagraphs(article);
    seeded.library.annotations.saveNote(content(p!.id, '一条'));
    expect(seeded.library.listArticles().find((a) => a.id === article.id)?.noteCount).toBe(1);
  });
});
