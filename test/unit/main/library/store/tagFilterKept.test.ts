import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { registerChecksumFunction } from '../../../../../main/library/store/contentHashes';
import { tagAssignmentStamp } from '../../../../../main/library/store/tagAssignmentChanges';
import type { ArticlePageRequest } from '../../../../../preload/contract/articlePageTypes';

/**
 * Issue #16: the articles a tag filter keeps are kept across writes that cannot change them
 * (opening an article records it; at 100,000 articles finding them again was 40-170 ms a page),
 * and found again after any write that can: a tag put on or taken off, a highlight deleted, an
 * article deleted for good, another connection's write, a write rolled back.
 */
let dir: string;
let dbPath: string;
let library: Library;
let clock = 0;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-tag-filter-'));
  dbPath = path.join(dir, 'library.sqlite');
  library = await createLibrary({ dbPath, now: () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1000) });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const titles = (over: Partial<ArticlePageRequest> = {}) =>
  library
    .listArticlePage({ view: 'library', sort: 'date', collation: 'zh', query: '', tag: '标记', offset: 0, limit: 50, ...over })
    .rows.map((r) => r.title);

function add(title: string): number {
  return library.importText(`${title}的正文,讲一件事,第一段。\n\n第二段,又讲一件事。`, title).articleId!;
}
const paragraphOf = (articleId: number) => library.getArticle(articleId).paragraphs.find((p) => p.kind === 'body')!.id;

describe('the tag filter across writes', () => {
  it('is kept across a write that changes no tag, and found again after each one that does', async () => {
    const [a, b, c] = [add('甲文'), add('乙文'), add('丙文')];
    library.annotations.tagParagraph(paragraphOf(a), '标记');
    expect(titles()).toEqual(['甲文']);
    const db = library.database();
    const stamp = tagAssignmentStamp(db);
    expect(stamp).toBeDefined();
    // Opening an article, a rename, an archive: the same articles carry the tag.
    library.markOpened(b);
    library.setArchived(c, true);
    library.setArchived(c, false);
    library.updateMetadata(a, { title: '甲文改' });
    expect(tagAssignmentStamp(db)).toBe(stamp);
    expect(titles()).toEqual(['甲文改']);

    // A highlight tagged in another article, in a nested tag.
    const highlight = library.annotations.createHighlight({ paragraphId: paragraphOf(b), start: 0, end: 2, color: 'yellow', tags: ['标记/子'] });
    expect(titles()).toEqual(['乙文', '甲文改']);
    library.annotations.tagHighlight(library.annotations.createHighlight({ paragraphId: paragraphOf(c), start: 0, end: 2, color: 'yellow' }).id, '标记');
    expect(titles()).toEqual(['丙文', '乙文', '甲文改']);
    // Taken off, deleted, and the article deleted for good.
    library.annotations.untagParagraph(paragraphOf(a), '标记');
    expect(titles()).toEqual(['丙文', '乙文']);
    library.annotations.deleteHighlight(highlight.id);
    expect(titles()).toEqual(['丙文']);
    library.trashArticle(c);
    expect(titles()).toEqual([]);
    expect(titles({ view: 'trash' })).toEqual(['丙文']);
    await library.emptyTrash();
    expect(titles({ view: 'trash' })).toEqual([]);
    // Undone: the paragraph's tag is back.
    library.annotations.tagParagraph(paragraphOf(b), '标记');
    expect(titles()).toEqual(['乙文']);
    library.annotations.undo();
    expect(titles()).toEqual([]);
  });

  it('is found again after another connection tags an article (the command line while the app is open)', () => {
    const a = add('甲文');
    add('乙文');
    expect(titles()).toEqual([]);
    const other = new Database(dbPath);
    try {
      registerChecksumFunction(other);
      const tag = other.prepare("INSERT INTO tag (name, created_at) VALUES ('标记', '2026-01-01') RETURNING id").pluck().get() as number;
      other.prepare('INSERT INTO paragraph_tag (paragraph_id, tag_id) VALUES (?, ?)').run(paragraphOf(a), tag);
    } finally {
      other.close();
    }
    expect(titles()).toEqual(['甲文']);
  });

  it('is not kept from inside a write that was rolled back', () => {
    const [a, b] = [add('甲文'), add('乙文')];
    library.annotations.tagParagraph(paragraphOf(a), '标记');
    expect(titles()).toEqual(['甲文']);
    const db = library.database();
    expect(() =>
      db.transaction(() => {
        db.prepare('DELETE FROM paragraph_tag').run();
        // Read inside the write: the set then is the write's.
        expect(titles()).toEqual([]);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(titles()).toEqual(['甲文']);
    library.annotations.tagParagraph(paragraphOf(b), '标记');
    expect(titles()).toEqual(['乙文', '甲文']);
  });
});
