import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';
import { rawTextSql } from '../../../../../main/library/store/rawTextCodec';

/** Issue #13, library management: details, re-classification, trash and archive, each one undo step. */
let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

const listed = () => seeded.library.listArticles();
const summary = (id: number) => listed().find((a) => a.id === id);

/** A two-character word from the article's body that no other seed article has. */
function uniqueWord(articleId: number): string {
  const article = seeded.library.getArticle(articleId);
  for (const p of bodyParagraphs(article, 40)) {
    for (let i = 0; i + 4 <= p.text.length; i++) {
      const word = p.text.slice(i, i + 4);
      if (!/^\p{Script=Han}{4}$/u.test(word)) continue;
      const hits = seeded.library.search.find(word, { limit: 500 }).hits;
      if (hits.length > 0 && hits.every((h) => h.articleId === articleId)) return word;
    }
  }
  throw new Error('no word only this article has');
}

describe('Edit details', () => {
  it('shows in the list at once, and one Ctrl+Z puts the old title, source and checksum back', () => {
    const article = seedArticle(seeded.library, '001');
    const old = summary(article.id)!;
    seeded.library.updateMetadata(article.id, { title: '新的标题', source: '新华社', publishedAt: '2020-01-02' });
    expect(summary(article.id)).toMatchObject({ title: '新的标题', source: '新华社', publishedAt: '2020-01-02' });

    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'article.details', articleIds: [article.id] });
    expect(summary(article.id)).toMatchObject({ title: old.title, source: old.source, publishedAt: old.publishedAt });
    // Read back through the checksum check: the trigger recomputed it for the restored values.
    expect(seeded.library.getArticle(article.id).metadata.title).toBe(old.title);
    expect(seeded.library.verify().ok).toBe(true);

    expect(seeded.library.annotations.redo()).toMatchObject({ op: 'article.details' });
    expect(seeded.library.getArticle(article.id).metadata).toMatchObject({ title: '新的标题', titleInferred: false });
    expect(seeded.library.annotations.undo()).not.toBeNull();
  });

  it('a re-clean after an undone edit takes the file title again (the edit is forgotten too)', () => {
    const article = seedArticle(seeded.library, '002');
    seeded.library.updateMetadata(article.id, { title: '临时标题' });
    seeded.library.annotations.undo();
    seeded.library.recleanArticle(article.id);
    expect(seeded.library.getArticle(article.id).metadata.title).toBe(article.metadata.title);
  });
});

describe('Re-classification', () => {
  it('is one undo step that gives the paragraph its kind back, checksum included', () => {
    const article = seedArticle(seeded.library, '001');
    const paragraph = bodyParagraphs(article)[0]!;
    seeded.library.reclassifyParagraph(paragraph.id, 'boilerplate');
    expect(seeded.library.getArticle(article.id).paragraphs.find((p) => p.id === paragraph.id)?.kind).toBe(
      'boilerplate',
    );
    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'paragraph.reclassify', articleIds: [article.id] });
    expect(seeded.library.getArticle(article.id).paragraphs.find((p) => p.id === paragraph.id)?.kind).toBe('body');
    expect(seeded.library.verify().ok).toBe(true);
  });
});

describe('the trash', () => {
  it('takes an article out of the list, search, tag views and exports, keeps its annotations, and undo brings it back', () => {
    const article = seedArticle(seeded.library, '001');
    const paragraph = bodyParagraphs(article)[0]!;
    const { annotations } = seeded.library;
    annotations.createHighlight({ paragraphId: paragraph.id, start: 0, end: 4, color: 'yellow', tags: ['主题'] });
    annotations.saveNote({
      paragraphId: paragraph.id,
      editorState: JSON.stringify({ text: '我的笔记' }),
      plainText: '我的笔记',
      markdown: '我的笔记',
    });
    const word = uniqueWord(article.id);
    const checksumBefore = seeded.library
      .database()
      .prepare('SELECT checksum FROM article WHERE id = ?')
      .pluck()
      .get(article.id);

    expect(seeded.library.trashArticle(article.id)).toBe(article.metadata.title);
    expect(summary(article.id)).toBeUndefined();
    expect(seeded.library.listTrash()).toMatchObject([{ id: article.id, highlightCount: 1, noteCount: 1 }]);
    expect(seeded.library.search.find(word).hits).toEqual([]);
    expect(annotations.listTaggedPassages('主题')).toEqual([]);
    const exported = seeded.library.exportMarkdown({ scope: 'library', outDir: `${seeded.dir}/md` });
    expect(exported.files.some((f) => f.includes(article.metadata.title.slice(0, 4)))).toBe(false);
    // Only the trash column moved: the text, metadata and checksum are untouched.
    const db = seeded.library.database();
    expect(db.prepare('SELECT checksum FROM article WHERE id = ?').pluck().get(article.id)).toBe(checksumBefore);
    expect(seeded.library.verify().ok).toBe(true);

    expect(annotations.undo()).toMatchObject({ op: 'article.trash', articleIds: [article.id] });
    expect(summary(article.id)).toMatchObject({ highlightCount: 1, noteCount: 1 });
    expect(seeded.library.search.find(word).hits.length).toBeGreaterThan(0);
    expect(annotations.listTaggedPassages('主题')).toHaveLength(1);
  });

  it('restores an article with everything, and is emptied only on request: then the article and its annotations are gone', async () => {
    const article = seedArticle(seeded.library, '003');
    const paragraph = bodyParagraphs(article)[0]!;
    seeded.library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: 0,
      end: 4,
      color: 'blue',
      tags: ['x'],
    });
    seeded.library.trashArticle(article.id);
    seeded.library.restoreArticle(article.id);
    expect(summary(article.id)).toMatchObject({ highlightCount: 1 });
    expect(seeded.library.listTrash()).toEqual([]);

    seeded.library.trashArticle(article.id);
    expect(await seeded.library.emptyTrash()).toBe(1);
    expect(seeded.library.listTrash()).toEqual([]);
    expect(() => seeded.library.getArticle(article.id)).toThrow(/no article/);
    const db = seeded.library.database();
    expect(db.prepare('SELECT count(*) FROM highlight WHERE article_id = ?').pluck().get(article.id)).toBe(0);
    // Nothing left to undo into rows that are gone.
    expect(seeded.library.annotations.undo()).toBeNull();
    expect(seeded.library.verify().ok).toBe(true);
    expect(listed()).toHaveLength(4);
  });

  it('backs the library up before emptying the trash, so what it deleted can be had back', async () => {
    const article = seedArticle(seeded.library, '001');
    seeded.library.trashArticle(article.id);
    expect(await seeded.library.emptyTrash()).toBe(1);
    const [backup] = seeded.library.listBackups();
    expect(backup?.reason).toBe('before-empty-trash');
    const copy = new Database(backup!.path, { readonly: true });
    try {
      expect(copy.prepare('SELECT title FROM article WHERE id = ?').pluck().get(article.id)).toBe(
        article.metadata.title,
      );
    } finally {
      copy.close();
    }
    // An empty trash deletes nothing and takes no backup.
    expect(await seeded.library.emptyTrash()).toBe(0);
    expect(seeded.library.listBackups()).toHaveLength(1);
  });

  it('a trashed article is not edited, and an import of its file says it is in the trash', () => {
    const article = seedArticle(seeded.library, '004');
    seeded.library.trashArticle(article.id);
    expect(() => seeded.library.updateMetadata(article.id, { title: 'x' })).toThrow(/in the trash/);
    const raw = seeded.library
      .database()
      .prepare(`SELECT ${rawTextSql('article')} FROM article WHERE id = ?`)
      .pluck()
      .get(article.id) as string;
    const outcome = seeded.library.importText(raw);
    expect(outcome.status).toBe('already-imported');
  });
});

describe('the archive', () => {
  it('marks an article archived (still searched), one undo step each way', () => {
    const article = seedArticle(seeded.library, '002');
    const word = uniqueWord(article.id);
    seeded.library.setArchived(article.id, true);
    expect(summary(article.id)?.archivedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(seeded.library.search.find(word).hits.length).toBeGreaterThan(0);
    expect(seeded.library.annotations.undo()).toMatchObject({ op: 'article.archive' });
    expect(summary(article.id)?.archivedAt).toBeNull();
  });
});

describe('the article to reopen at start', () => {
  it('is the one opened last, across a restart, unless it went to the trash', async () => {
    const first = seedArticle(seeded.library, '001');
    const second = seedArticle(seeded.library, '002');
    expect(seeded.library.lastOpenedArticle()).toBeNull();
    seeded.library.markOpened(first.id);
    seeded.library.markOpened(second.id);
    const library = await seeded.reopen();
    expect(library.lastOpenedArticle()).toBe(second.id);
    library.trashArticle(second.id);
    expect(library.lastOpenedArticle()).toBe(first.id);
  });
});
