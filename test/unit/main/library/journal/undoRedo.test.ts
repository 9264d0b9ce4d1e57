import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxJournalEntries } from '../../../../../main/library/journal/journalEntries';
import {
  annotationRows,
  bodyParagraphs,
  openSeededLibrary,
  seedArticle,
  type SeededLibrary,
} from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
let clock: number;
beforeEach(async () => {
  clock = Date.parse('2026-11-23T10:00:00.000Z');
  seeded = await openSeededLibrary(() => new Date(clock));
});
afterEach(() => seeded.dispose());

/** Minutes pass between actions, so note saves do not fold together unless a test wants them to. */
function later(minutes = 10): void {
  clock += minutes * 60_000;
}

function note(paragraphId: number, text: string) {
  return { paragraphId, editorState: JSON.stringify({ text }), plainText: text, markdown: text };
}

describe('undo and redo', () => {
  it('bring a deleted highlight back with the same id and tags, and redo deletes it again', () => {
    const article = seedArticle(seeded.library, '001');
    const [p] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const h = annotations.createHighlight({ paragraphId: p!.id, start: 3, end: 9, color: 'pink', tags: ['a/b', 'z'] });
    later();
    const full = seeded.library.getArticle(article.id).highlights;
    expect(annotations.deleteHighlight(h.id)).toEqual(h);
    expect(seeded.library.getArticle(article.id).highlights).toEqual([]);

    expect(annotations.undo()).toEqual({
      op: 'highlight.delete',
      description: expect.stringContaining(h.quote) as string,
      articleIds: [article.id],
    });
    expect(seeded.library.getArticle(article.id).highlights).toEqual(full);
    expect(full).toEqual([h]);

    expect(annotations.redo()).toMatchObject({ op: 'highlight.delete', articleIds: [article.id] });
    expect(seeded.library.getArticle(article.id).highlights).toEqual([]);
    expect(annotations.redo()).toBeNull();
  });

  it('a chain of mixed operations undone fully leaves every annotation row as it was, and redo replays it', () => {
    const a1 = seedArticle(seeded.library, '000');
    const a2 = seedArticle(seeded.library, '003');
    const [p1, p2] = bodyParagraphs(a1);
    const [q1] = bodyParagraphs(a2);
    const { annotations } = seeded.library;
    const db = seeded.library.database();
    // Some annotations that exist before the chain starts.
    const kept = annotations.createHighlight({ paragraphId: p1!.id, start: 0, end: 5, color: 'yellow', tags: ['x'] });
    annotations.saveNote(note(q1!.id, '原来的批注'));
    annotations.tagParagraph(p2!.id, 'x/child');
    later();
    const start = annotationRows(db);

    const ops = [
      () => annotations.createHighlight({ paragraphId: q1!.id, start: 4, end: 10, color: 'blue', tags: ['new/tag'] }),
      () => annotations.updateHighlight(kept.id, 'green'),
      () => annotations.renameTag('x', 'y'),
      () => annotations.saveNote(note(q1!.id, '改过的批注')),
      () => annotations.deleteHighlight(kept.id),
      () => annotations.mergeTags('new', 'y'),
      () => annotations.saveNote(note(q1!.id, '')),
    ];
    for (const op of ops) {
      op();
      later();
    }
    const end = annotationRows(db);
    expect(end).not.toEqual(start);

    const undone = ops.map(() => annotations.undo()?.op);
    expect(undone).toEqual([
      'note.delete',
      'tag.merge',
      'highlight.delete',
      'note.save',
      'tag.rename',
      'highlight.recolor',
      'highlight.create',
    ]);
    expect(annotationRows(db)).toEqual(start);

    for (let i = 0; i < ops.length; i++) expect(annotations.redo()).not.toBeNull();
    expect(annotations.redo()).toBeNull();
    expect(annotationRows(db)).toEqual(end);
  });

  it('a new operation after an undo clears the redo history', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '004'));
    const { annotations } = seeded.library;
    annotations.createHighlight({ paragraphId: p!.id, start: 0, end: 2, color: 'yellow' });
    annotations.createHighlight({ paragraphId: p!.id, start: 4, end: 6, color: 'yellow' });
    expect(annotations.undo()).toMatchObject({ op: 'highlight.create' });
    annotations.tagParagraph(p!.id, 'fresh');
    expect(annotations.redo()).toBeNull();
    expect(annotations.undo()).toMatchObject({ op: 'paragraph.tag' });
    expect(annotations.undo()).toMatchObject({ op: 'highlight.create' });
    expect(annotations.undo()).toBeNull();
  });

  it('undo of a rename puts every name back; undo of a merge restores each attachment', () => {
    const article = seedArticle(seeded.library, '002');
    const [p] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const h = annotations.createHighlight({
      paragraphId: p!.id,
      start: 0,
      end: 3,
      color: 'yellow',
      tags: ['a/x', 'b'],
    });
    annotations.tagParagraph(p!.id, 'a');
    const before = annotations.listTags();
    annotations.renameTag('a', 'b');
    expect(annotations.listTags().map((t) => t.name)).toEqual(['b', 'b/x']);
    expect(annotations.undo()).toMatchObject({ op: 'tag.merge', articleIds: [article.id] });
    expect(annotations.listTags()).toEqual(before);
    expect(seeded.library.getArticle(article.id).highlights[0]).toEqual(h);
  });

  it('saves of one note while typing fold into one undo step', () => {
    const [p, q] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    annotations.saveNote(note(q!.id, '别的'));
    later();
    for (const text of ['批', '批注', '批注一', '批注一下']) {
      annotations.saveNote(note(p!.id, text));
      later(0.5);
    }
    expect(annotations.undo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)).toBeNull();
    expect(annotations.getNote(q!.id)).not.toBeNull();
    expect(annotations.redo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)?.plainText).toBe('批注一下');
  });

  it('an operation that fails or changes nothing leaves no undo step', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '003'));
    const { annotations } = seeded.library;
    const h = annotations.createHighlight({ paragraphId: p!.id, start: 0, end: 2, color: 'yellow', tags: ['t'] });
    expect(() => annotations.createHighlight({ paragraphId: p!.id, start: 2, end: 2, color: 'yellow' })).toThrow();
    annotations.tagHighlight(h.id, 'T');
    annotations.untagParagraph(p!.id, 'never-attached');
    annotations.updateHighlight(h.id, 'yellow');
    expect(annotations.undo()).toMatchObject({ op: 'highlight.create' });
    expect(annotations.undo()).toBeNull();
  });

  it('history that no longer applies is dropped with a clear error, not replayed', () => {
    const article = seedArticle(seeded.library, '004');
    const [p] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    annotations.createHighlight({ paragraphId: p!.id, start: 0, end: 2, color: 'yellow' });
    annotations.undo();
    // Something outside the journal (a re-clean) removes the paragraph the highlight was on.
    seeded.library.database().prepare('DELETE FROM paragraph WHERE id = ?').run(p!.id);
    expect(() => annotations.redo()).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(annotations.redo()).toBeNull();
    expect(annotations.undo()).toBeNull();
  });

  it('keeps a bounded history', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    for (let i = 0; i <= maxJournalEntries; i++) {
      annotations.tagParagraph(p!.id, i % 2 === 0 ? 'on' : 'off');
      annotations.untagParagraph(p!.id, i % 2 === 0 ? 'on' : 'off');
    }
    const count = seeded.library.database().prepare('SELECT count(*) AS n FROM journal').get() as { n: number };
    expect(count.n).toBe(maxJournalEntries);
  });
});
