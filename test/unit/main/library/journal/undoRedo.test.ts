import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  maxJournalBytes,
  maxJournalEntries,
  maxStepMs,
  stepPauseMs,
} from '../../../../../main/library/journal/journalEntries';
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
    // Saved as the person types: each save a second after the one before.
    for (const text of ['批', '批注', '批注一', '批注一下']) {
      annotations.saveNote(note(p!.id, text));
      clock += 1000;
    }
    expect(annotations.undo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)).toBeNull();
    expect(annotations.getNote(q!.id)).not.toBeNull();
    expect(annotations.redo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)?.plainText).toBe('批注一下');
  });

  it('an hour of note writing is many undo steps: undo takes back the last, and undo then act keeps the rest', () => {
    const [p, q] = bodyParagraphs(seedArticle(seeded.library, '002'));
    const { annotations } = seeded.library;
    const start = clock;
    let text = '';
    // Every text the note had when a new undo step began (what undoing that step gives back).
    const stepStarts: string[] = [];
    let lastSave = -Infinity;
    let stepStart = -Infinity;
    let lines = 1;
    const save = (next: string) => {
      const newLines = next.split('\n').length;
      if (clock - lastSave >= stepPauseMs || clock - stepStart >= maxStepMs || newLines > lines) {
        stepStarts.push(text);
        stepStart = clock;
      }
      annotations.saveNote(note(p!.id, next));
      text = next;
      lastSave = clock;
      lines = newLines;
    };
    // An hour: bursts of typing saved every 2.5 s (the autosave's debounce after each short
    // pause), a stop to think of 4 to 20 s between bursts, a new paragraph every few bursts,
    // and a three-minute stretch of steady typing with no stop at all.
    let burst = 0;
    while (clock - start < 60 * 60_000) {
      burst++;
      const saves = burst === 20 ? 72 : 4 + (burst % 5);
      if (burst % 4 === 0) save(`${text}\n\n第${burst}段`);
      for (let i = 0; i < saves; i++) {
        clock += 2500;
        save(`${text}字${i}`);
      }
      clock += 4000 + (burst % 5) * 4000;
    }
    expect(stepStarts.length).toBeGreaterThan(100);
    expect(annotations.getNote(p!.id)?.plainText).toBe(text);

    // Undo takes back only the last step, then the one before.
    expect(annotations.undo()).toMatchObject({ op: 'note.save' });
    const beforeLast = stepStarts.at(-1)!;
    expect(annotations.getNote(p!.id)?.plainText).toBe(beforeLast);
    expect(beforeLast.length).toBeGreaterThan(text.length - 40);
    annotations.undo();
    expect(annotations.getNote(p!.id)?.plainText).toBe(stepStarts.at(-2));
    annotations.redo();
    expect(annotations.getNote(p!.id)?.plainText).toBe(beforeLast);

    // Then any other action: the redo branch goes, everything before it stays.
    clock += 500;
    annotations.saveNote(note(q!.id, '另一段的笔记'));
    expect(annotations.redo()).toBeNull();
    expect(annotations.getNote(p!.id)?.plainText).toBe(beforeLast);
    // And the same note typed on at once after an undo is a step of its own.
    annotations.undo();
    annotations.undo();
    const twoBack = stepStarts.at(-2)!;
    clock += 500;
    annotations.saveNote(note(p!.id, `${twoBack}续`));
    expect(annotations.undo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)?.plainText).toBe(twoBack);
  });

  it('a new paragraph, a new note and a deletion each start an undo step, even without a pause', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '003'));
    const { annotations } = seeded.library;
    for (const text of ['第一', '第一段', '第一段\n\n第二', '第一段\n\n第二段', '', '重新写']) {
      annotations.saveNote(note(p!.id, text));
      clock += 500;
    }
    const steps: Array<string | null> = [];
    while (annotations.undo()) steps.push(annotations.getNote(p!.id)?.plainText ?? null);
    expect(steps).toEqual([null, '第一段\n\n第二段', '第一段', null]);
  });

  it('the first save after the note is opened again starts a step, however soon', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '001'));
    const { annotations } = seeded.library;
    annotations.saveNote(note(p!.id, '写完了'));
    clock += 500;
    annotations.saveNote({ ...note(p!.id, '写完了,回来补一句'), startsStep: true });
    clock += 500;
    annotations.saveNote(note(p!.id, '写完了,回来补一句话'));
    expect(annotations.undo()).toMatchObject({ op: 'note.save' });
    expect(annotations.getNote(p!.id)?.plainText).toBe('写完了');
  });

  it('keeps the journal within its byte budget however long the notes, and the last step can still be undone', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '000'));
    const { annotations } = seeded.library;
    const long = '长'.repeat(20_000);
    for (let i = 0; i < 40; i++) {
      annotations.saveNote(note(p!.id, `${long}${i}`));
      clock += 10_000;
    }
    const size = seeded.library.database().prepare('SELECT sum(octet_length(payload)) AS bytes FROM journal').get() as {
      bytes: number;
    };
    // Within the budget, give or take the one entry that crosses it.
    expect(size.bytes).toBeLessThan(maxJournalBytes + 400_000);
    expect(size.bytes).toBeGreaterThan(maxJournalBytes / 2);
    annotations.undo();
    expect(annotations.getNote(p!.id)?.plainText).toBe(`${long}38`);
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
