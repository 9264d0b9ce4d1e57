import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../../preload/contract/api';
import type { Library } from '../../../../../main/library/createLibrary';
import { parseQuery } from '../../../../../main/library/search/parseQuery';
import {
  anyCommentSql,
  planSearch,
  prepareTagFilter,
  taggedParagraphsPassSql,
  tierPageSql,
} from '../../../../../main/library/search/searchPages';
import type { Db } from '../../../../../main/library/store/openDatabase';
import { openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

/**
 * A tag filter reads the index for the terms alone and takes each row's column (text, flagged,
 * hidden) from the tagged rows (searchPages.prepareTagFilter): a tagged search finds exactly the
 * untagged search's hits whose paragraph carries the tag, in the same order, boilerplate and
 * flagged paragraphs, notes and comments among them, with and without hidden paragraphs.
 */

let seeded: SeededLibrary;
let library: Library;
let db: Db;
const tag = '分层';

beforeAll(async () => {
  seeded = await openSeededLibrary();
  library = seeded.library;
  db = library.database();
  for (const seed of ['000', '002', '003']) {
    const paragraphs = library.getArticle(seedArticle(library, seed).id).paragraphs;
    // Every other paragraph tagged: body, boilerplate and (below) flagged ones among them.
    paragraphs.filter((_, i) => i % 2 === 0).forEach((p) => library.annotations.tagParagraph(p.id, tag));
    const body = paragraphs.filter((p) => p.kind === 'body');
    const [first, second] = body;
    library.annotations.saveNote({
      paragraphId: first!.id,
      editorState: JSON.stringify({
        root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: '晋江公安的笔记' }] }] },
      }),
      plainText: '晋江公安的笔记',
      markdown: '晋江公安的笔记',
    });
    const h = library.annotations.createHighlight({
      paragraphId: second!.id,
      start: 0,
      end: 2,
      color: 'yellow',
      tags: [tag],
    });
    library.annotations.updateHighlightComment(h.id, '評論:晉江的警察');
    db.prepare(`UPDATE paragraph SET flags = '["keyword-stuffed"]' WHERE id = ?`).run(body[2]!.id);
  }
});
afterAll(() => seeded.dispose());

const rowidOf = (h: SearchHit) =>
  h.kind === 'comment' ? -(h.highlightId ?? 0) : h.kind === 'note' ? h.paragraphId * 2 + 1 : h.paragraphId * 2;

function allHits(query: string, options: { tag?: string; includeHidden?: boolean }, limit: number): number[] {
  const rows: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = library.search.find(query, { ...options, limit, offset });
    rows.push(...page.hits.map(rowidOf));
    if (page.hits.length < limit) return rows;
  }
}

function taggedParagraphs(): Set<number> {
  return new Set(
    db
      .prepare(
        `SELECT pt.paragraph_id FROM paragraph_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = ?
         UNION SELECT h.paragraph_id FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id JOIN tag t ON t.id = ht.tag_id
           WHERE t.name = ? AND h.paragraph_id IS NOT NULL`,
      )
      .pluck()
      .all(tag, tag) as number[],
  );
}

function paragraphOf(rowid: number): number {
  if (rowid >= 0) return Math.floor(rowid / 2);
  return db.prepare('SELECT paragraph_id FROM highlight WHERE id = ?').pluck().get(-rowid) as number;
}

describe('a tag-filtered search', () => {
  const queries = ['晋江', '警', '的', '公安', '背包精神', '晋江 警', '"派出所民警"', 'icp', '版权', '晉江 公安'];

  it.each([false, true])(
    'finds the untagged hits of tagged paragraphs, in their order (hidden paragraphs too: %s)',
    (includeHidden) => {
      const tagged = taggedParagraphs();
      const kinds = new Set<string>();
      for (const query of queries) {
        const expected = allHits(query, { includeHidden }, 500).filter((r) => tagged.has(paragraphOf(r)));
        const found = allHits(query, { tag, includeHidden }, 4);
        expect(found, query).toEqual(expected);
        expect(library.search.find(query, { tag, includeHidden, limit: 1, exactTotal: true }).total, query).toBe(
          expected.length,
        );
        for (const r of found) {
          if (r < 0) kinds.add('comment');
          else if (r % 2 === 1) kinds.add('note');
          else {
            const p = db.prepare('SELECT kind, flags FROM paragraph WHERE id = ?').get(r / 2) as {
              kind: string;
              flags: string;
            };
            kinds.add(p.kind === 'boilerplate' ? 'hidden' : p.flags.includes('keyword-stuffed') ? 'flagged' : 'text');
          }
        }
      }
      // What it compares holds every tier.
      expect([...kinds].sort()).toEqual(
        includeHidden ? ['comment', 'flagged', 'hidden', 'note', 'text'] : ['comment', 'flagged', 'note', 'text'],
      );
    },
  );

  it('follows a paragraph flagged after the filter was built', () => {
    const before = allHits('晋江', { tag }, 500);
    const text = before.filter((r) => r >= 0 && r % 2 === 0);
    const moved = text[0]!;
    db.prepare(`UPDATE paragraph SET flags = '["duplicate"]' WHERE id = ?`).run(moved / 2);
    const after = allHits('晋江', { tag }, 500);
    expect(after).toHaveLength(before.length);
    // A flagged paragraph comes after the text and the comments.
    expect(after.indexOf(moved)).toBeGreaterThan(after.indexOf(text[1]!));
    db.prepare(`UPDATE paragraph SET flags = '[]' WHERE id = ?`).run(moved / 2);
  });

  it('reads the index for its terms alone, in rowid order, and looks each row up among the tagged rows', () => {
    const tagIds = db.prepare('SELECT id FROM tag WHERE name = ?').pluck().all(tag) as number[];
    prepareTagFilter(db, tagIds);
    const explain = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ match: '"晋江"', limit: 50 }) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
    const plan = planSearch(parseQuery('晋江'), { tagIds });
    const text = explain(tierPageSql(plan, false));
    expect(text).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(text).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_rows FOR IN-OPERATOR/);
    expect(text).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_flagged FOR IN-OPERATOR/);
    const flagged = explain(tierPageSql(plan, 'flagged'));
    expect(flagged).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_weak FOR IN-OPERATOR/);
    const hidden = explain(tierPageSql(planSearch(parseQuery('晋江'), { tagIds, includeHidden: true }), 'flagged'));
    expect(hidden).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_flagged FOR IN-OPERATOR/);
    // A page reads the text and flagged tiers in one pass, the flagged rows told apart by lookup.
    const pass = explain(taggedParagraphsPassSql(plan));
    expect(pass).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(pass).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_rows FOR IN-OPERATOR/);
    expect(pass).toMatch(/USING ROWID SEARCH ON TABLE search_tagged_weak FOR IN-OPERATOR/);
    for (const detail of [text, flagged, hidden, pass]) expect(detail).not.toMatch(/TEMP B-TREE|SCAN search_tagged/);
    // Whether any comment matches: the index in ascending rowid order, one row.
    const comments = explain(anyCommentSql(plan));
    expect(comments).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M/);
    expect(comments).not.toMatch(/TEMP B-TREE/);
  });
});
