import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLibrary } from '../../../../main/library/createLibrary';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { dumpsOf, devicesPerTest, openDevices, syncAll, type Device } from './syncedLibraries';

const devices = devicesPerTest();

/** A run of ordinary work on one device: highlights, tags, a note typed in three saves, a merge, an undo. */
function work(d: Device): void {
  const { annotations } = d.library;
  const h = annotations.createHighlight({
    paragraphId: d.paragraphId(0),
    start: 2,
    end: 6,
    color: 'green',
    tags: ['老街'],
  });
  annotations.createHighlight({ paragraphId: d.paragraphId(1), start: 0, end: 3, color: 'blue', tags: ['河流'] });
  for (const text of ['桥', '桥上的灯', '桥上的灯亮了']) {
    annotations.saveNote({
      paragraphId: d.paragraphId(2),
      editorState: JSON.stringify(plainTextNoteState(text)),
      plainText: text,
      markdown: text,
    });
  }
  annotations.updateHighlight(h.id, 'pink');
  annotations.tagParagraph(d.paragraphId(1), '城市');
  annotations.mergeTags('河流', '城市');
  annotations.undo();
  annotations.redo();
  annotations.updateHighlightComment(h.id, '作者的出发点');
}

describe('updates delivered as a sync folder delivers them', () => {
  it('in any order and more than once, they give the same documents and rows as the device that made them', async () => {
    const [a, b] = await devices(2);
    const updates: Array<{ name: string; update: Uint8Array }> = [];
    const stop = a!.library.sync.onUpdate((name, update) => updates.push({ name, update }));
    work(a!);
    stop();
    expect(updates.length).toBeGreaterThan(5);
    // Newest first, each twice: most arrive before the updates they build on.
    for (const { name, update } of [...updates].reverse().flatMap((u) => [u, u])) b!.library.sync.apply(name, update);
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
    const note = b!.library.annotations.getNote(b!.paragraphId(2));
    expect(note?.plainText).toBe('桥上的灯亮了');
    expect(b!.library.annotations.listTags().map((t) => t.name)).toEqual(['城市', '老街']);
    // None of it is an undo step of B's.
    expect(b!.library.annotations.undo()).toBeNull();
  });

  it('an update that is not one, or for a document no library has, is refused by name and changes nothing', async () => {
    const [a, b] = await devices(2);
    work(a!);
    syncAll([a!, b!]);
    const before = dumpsOf([b!]);
    expect(() => b!.library.sync.apply('library', new Uint8Array([7, 7, 7, 7]))).toThrow(
      /could not be read.*nothing changed/,
    );
    expect(() => b!.library.sync.apply('../library.sqlite', a!.library.sync.diff('library'))).toThrow(
      /not a document of a Pizhu library/,
    );
    expect(dumpsOf([b!])).toEqual(before);
    // And it goes on syncing.
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '开头');
    syncAll([a!, b!]);
    expect(b!.library.getArticle(b!.articleId).paragraphTags[b!.paragraphId(0)]).toEqual(['开头']);
  });

  it('what a library took is kept in its file: reopened, it holds the same documents and rows', async () => {
    const [a, b] = await devices(2);
    work(a!);
    syncAll([a!, b!]);
    const before = dumpsOf([b!]);
    const dbPath = b!.library.path;
    b!.library.close();
    b!.library = await createLibrary({ dbPath });
    const after = dumpsOf([b!]);
    expect(after.docs[0]).toBe(before.docs[0]);
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(b!.library.sync.docNames()).toEqual(a!.library.sync.docNames());
    // And it goes on syncing from there.
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '开头');
    syncAll([a!, b!]);
    expect(b!.library.getArticle(b!.articleId).paragraphTags[b!.paragraphId(0)]).toEqual(['开头']);
  });

  it('annotations that arrive before their article’s text wait, and appear when the same text is imported here', async () => {
    const [a] = await devices(1);
    work(a!);
    const opened = await openDevices(1);
    const late = opened.devices[0]!;
    try {
      // A device that has the library's documents but not yet this article's text.
      late.library.trashArticle(late.articleId);
      await late.library.emptyTrash();
      expect(late.library.listArticles()).toEqual([]);
      // Every document but the article's text (sync/text): the person imports the same text here.
      const annotations = (name: string) => !name.startsWith('text/');
      for (const [from, to] of [
        [a!, late],
        [late, a!],
      ] as const) {
        for (const name of from.library.sync.docNames().filter(annotations))
          to.library.sync.apply(name, from.library.sync.diff(name, to.library.sync.stateVector(name)));
      }
      expect(late.library.sync.docNames().filter(annotations)).toEqual(a!.library.sync.docNames().filter(annotations));
      const imported = late.library.importText(
        a!.library
          .getArticle(a!.articleId)
          .paragraphs.map((p) => p.text)
          .join('\n\n'),
        '城市与河流',
      );
      expect(imported.status).toBe('imported');
      const article = late.library.getArticle(imported.articleId!);
      expect(article.highlights.map((h) => h.quote)).toEqual(
        a!.library.getArticle(a!.articleId).highlights.map((h) => h.quote),
      );
      expect(article.notes.map((n) => n.plainText)).toEqual(['桥上的灯亮了']);
    } finally {
      opened.dispose();
    }
  });

  it('rows written outside the journal (a backup merged in) survive another device’s update and reach it', async () => {
    const [a, b] = await devices(2);
    work(a!);
    syncAll([a!, b!]);
    const db = b!.library.database();
    const paragraph = b!.paragraphId(1);
    db.prepare(
      `INSERT INTO highlight (article_id, paragraph_id, start_offset, end_offset, quote, prefix, suffix, color, created_at, updated_at)
       VALUES (?, ?, 4, 8, 'quote', '', '', 'purple', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')`,
    ).run(b!.articleId, paragraph);
    db.prepare(
      "INSERT INTO note (paragraph_id, editor_state, plain_text, markdown, updated_at) VALUES (?, '{}', '备份里的笔记', '', '2020')",
    ).run(paragraph);
    a!.library.annotations.tagParagraph(a!.paragraphId(0), '开头');
    syncAll([a!, b!]);
    for (const d of [a!, b!]) {
      const article = d.library.getArticle(d.articleId);
      expect(article.highlights.map((h) => h.color)).toContain('purple');
      expect(article.notes.map((n) => n.plainText)).toContain('备份里的笔记');
      expect(article.paragraphTags[d.paragraphId(0)]).toEqual(['开头']);
    }
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
  });

  it('a writer outside the journal (a re-clean) reaches the others through captured', async () => {
    const [a, b] = await devices(2);
    work(a!);
    syncAll([a!, b!]);
    const db = a!.library.database();
    a!.library.sync.captured([a!.articleId], () => {
      // By id: the quote column holds x'' where the text gives it (migration 0034).
      db.prepare("UPDATE highlight SET color = 'orange' WHERE id = ?").run(a!.library.getArticle(a!.articleId).highlights[0]!.id);
      db.prepare('DELETE FROM paragraph_tag').run();
    });
    // A re-clean on each device (the same cleaner, so the same re-derived details) changes nothing the other has not.
    a!.library.recleanArticle(a!.articleId);
    syncAll([a!, b!]);
    b!.library.recleanArticle(b!.articleId);
    syncAll([a!, b!]);
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
    expect(b!.library.getArticle(b!.articleId).highlights.map((h) => h.color)).toContain('orange');
    expect(b!.library.getArticle(b!.articleId).paragraphTags).toEqual({});
  });

  it('a tag a writer outside the journal put on a highlight reaches the others with it', async () => {
    const [a, b] = await devices(2);
    work(a!);
    syncAll([a!, b!]);
    const db = a!.library.database();
    const { quote, id } = a!.library.getArticle(a!.articleId).highlights[0]!;
    a!.library.sync.captured([a!.articleId], () => {
      const tagId = db
        .prepare("INSERT INTO tag (name, created_at) VALUES ('外来', '2026-01-01T00:00:00.000Z')")
        .run().lastInsertRowid;
      // By id: the quote column holds x'' where the text gives it (migration 0034).
      db.prepare('INSERT INTO highlight_tag (highlight_id, tag_id) VALUES (?, ?)').run(id, tagId);
    });
    syncAll([a!, b!]);
    const onB = b!.library.getArticle(b!.articleId).highlights.find((h) => h.quote === quote);
    expect(onB?.tags).toContain('外来');
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
  });

  it('a tag whose assignment arrived before it is projected when it comes, after other tags have come and gone', async () => {
    const [a, b] = await devices(2);
    const tagsOnB = () =>
      b!.library
        .getArticle(b!.articleId)
        .highlights.flatMap((h) => h.tags)
        .sort();
    // A first tag reaches b (its first change of tags since it opened), then one is merged away.
    a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(0),
      start: 2,
      end: 6,
      color: 'green',
      tags: ['老街'],
    });
    syncAll([a!, b!]);
    a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(1),
      start: 0,
      end: 3,
      color: 'blue',
      tags: ['河流'],
    });
    a!.library.annotations.mergeTags('河流', '老街');
    syncAll([a!, b!]);
    expect(tagsOnB()).toEqual(['老街', '老街']);
    // A new tag on a highlight: the article's update first, the library's (with the tag) after it.
    a!.library.annotations.createHighlight({
      paragraphId: a!.paragraphId(2),
      start: 0,
      end: 3,
      color: 'pink',
      tags: ['桥'],
    });
    const article = a!.library.sync.docNames().find((n) => n !== 'library')!;
    for (const name of [article, 'library']) {
      b!.library.sync.apply(name, a!.library.sync.diff(name, b!.library.sync.stateVector(name)));
      if (name === article) expect(tagsOnB()).toEqual(['老街', '老街']);
    }
    expect(tagsOnB()).toEqual(['桥', '老街', '老街']);
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
  });

  it('a highlight colour the app does not draw, from another device, is shown as a colour it draws', async () => {
    const [a, b] = await devices(2);
    a!.library.annotations.createHighlight({ paragraphId: a!.paragraphId(0), start: 2, end: 6, color: 'green' });
    syncAll([a!, b!]);
    const article = a!.library.sync.docNames().find((n) => n !== 'library')!;
    // A device of another build (or a broken one) sets a colour outside the list.
    const other = new Y.Doc();
    Y.applyUpdate(other, a!.library.sync.diff(article));
    const seen = Y.encodeStateVector(other);
    other.getMap<Y.Map<unknown>>('highlights').forEach((entry) => entry.set('color', 'url(javascript:1)'));
    const update = Y.encodeStateAsUpdate(other, seen);
    for (const d of [a!, b!]) d.library.sync.apply(article, update);
    for (const d of [a!, b!]) {
      expect(d.library.getArticle(d.articleId).highlights.map((h) => h.color)).toEqual(['yellow']);
    }
    const { docs, rows } = dumpsOf([a!, b!]);
    expect(docs[1]).toBe(docs[0]);
    expect(rows[1]).toBe(rows[0]);
  });
});
