import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { buildMatrix } from '../../../main/library/matrices/buildMatrix';
import { matrixPassages } from '../../../main/library/matrices/matrixPassages';
import type { Matrix, MatrixRequest } from '../../../preload/contract/matrixTypes';

/**
 * Issue #18 item 4: every matrix on a small library built by hand, each count checked by hand
 * (the comments give the working). Tags: X = 政策, Y = 政策/住房 (nested under X, counted on its
 * own), Z = 民生.
 *
 * Article 甲 (body paragraphs P0-P4):  P0: H1 [X, Y], H2 [X] · P2: H3 [Y], the paragraph tagged Z · P4: H4 [Z]
 * Article 乙 (body paragraphs Q0-Q2):  Q0: H5 [X, Z] · Q1-Q2: one highlight G over both [Y]
 * Attribute 媒体类型: 甲 = 官方, 乙 = 市场化.
 */
const X = '政策';
const Y = '政策/住房';
const Z = '民生';

let dir: string;
let library: Library;
let order: Record<string, number>;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-matrices-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
  const a = library.importText(
    ['第零段讲住房政策的调整。', '第一段说明背景情况。', '第二段谈到保障房建设。', '第三段是过渡的叙述。', '第四段关注市民生活。'].join('\n\n'),
    '甲',
  ).articleId!;
  const b = library.importText(['第零段同时谈政策和民生。', '第一段写住房的', '第二段延续上一段。'].join('\n\n'), '乙').articleId!;
  const [p0, , p2, , p4] = library.getArticle(a).paragraphs;
  const [q0, q1, q2] = library.getArticle(b).paragraphs;
  order = { P0: p0!.order, P2: p2!.order, P4: p4!.order, Q0: q0!.order, Q1: q1!.order, Q2: q2!.order };
  const h = library.annotations;
  h.createHighlight({ paragraphId: p0!.id, start: 0, end: 3, color: 'yellow', tags: [X, Y] }); // H1 第零段
  h.createHighlight({ paragraphId: p0!.id, start: 4, end: 8, color: 'yellow', tags: [X] }); // H2 住房政策
  h.createHighlight({ paragraphId: p2!.id, start: 5, end: 10, color: 'yellow', tags: [Y] }); // H3
  h.tagParagraph(p2!.id, Z);
  h.createHighlight({ paragraphId: p4!.id, start: 5, end: 9, color: 'yellow', tags: [Z] }); // H4
  h.createHighlight({ paragraphId: q0!.id, start: 5, end: 7, color: 'yellow', tags: [X, Z] }); // H5
  h.createHighlightGroup({
    ranges: [
      { paragraphId: q1!.id, start: 3, end: q1!.text.length },
      { paragraphId: q2!.id, start: 0, end: 3 },
    ],
    color: 'yellow',
    tags: [Y],
  }); // G
  const outlet = library.attributes.defineAttribute({ name: '媒体类型', kind: 'choice', choices: ['官方', '市场化'] });
  library.attributes.setAttributeValue([a], outlet.id, '官方');
  library.attributes.setAttributeValue([b], outlet.id, '市场化');
});
afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The matrix as `row × column: highlights/paragraphs` lines, the empty cells left out. */
function cells(matrix: Matrix): string[] {
  return matrix.cells.map((c) => `${matrix.rows[c.row]!.label} × ${matrix.columns[c.column]!.label}: ${c.highlights}/${c.paragraphs}`);
}

const build = (request: MatrixRequest) => buildMatrix(library.database(), request);

describe('code matrices on a hand-built library', () => {
  it('the library is as the comment says (paragraphs in order, no gaps)', () => {
    expect([order.P2! - order.P0!, order.P4! - order.P2!, order.Q1! - order.Q0!, order.Q2! - order.Q1!]).toEqual([2, 2, 1, 1]);
  });

  it('co-occurrence on one highlight', () => {
    // X×X: H1 H2 H5 in P0 Q0 · X×Y: H1 in P0 · X×Z: H5 in Q0 · Y×Y: H1 H3 G in P0 P2 Q1 Q2 · Z×Z: H4 H5 in P4 Q0
    // (Z on P2 is on the paragraph whole, no highlight); Y×Z: none.
    expect(cells(build({ kind: 'cooccurrence', scope: 'highlight' }))).toEqual([
      '政策 × 政策: 3/2',
      '政策 × 政策/住房: 1/1',
      '政策 × 民生: 1/1',
      '政策/住房 × 政策: 1/1',
      '政策/住房 × 政策/住房: 3/4',
      '民生 × 政策: 1/1',
      '民生 × 民生: 2/2',
    ]);
  });

  it('co-occurrence in one paragraph', () => {
    // X×Y: P0 (H1 H2) · X×Z: Q0 (H5) · Y×Z: P2 (H3; Z whole) · X×X: P0 Q0 (H1 H2 H5)
    // Y×Y: P0 P2 Q1 Q2 (H1 H3 G) · Z×Z: P2 P4 Q0 (H4 H5)
    expect(cells(build({ kind: 'cooccurrence', scope: 'paragraph' }))).toEqual([
      '政策 × 政策: 3/2',
      '政策 × 政策/住房: 2/1',
      '政策 × 民生: 1/1',
      '政策/住房 × 政策: 2/1',
      '政策/住房 × 政策/住房: 3/4',
      '政策/住房 × 民生: 1/1',
      '民生 × 政策: 1/1',
      '民生 × 政策/住房: 1/1',
      '民生 × 民生: 2/3',
    ]);
  });

  it('co-occurrence within two paragraphs', () => {
    // X×Y: 甲 P0-P0 (H1 H2 | H1), P0-P2 (H1 H2 | H3); 乙 Q0-Q1, Q0-Q2 (H5 | G) → P0 P2 Q0 Q1 Q2, H1 H2 H3 H5 G
    // X×Z: 甲 P0-P2 (H1 H2 | Z whole); P0-P4 is 4 apart; 乙 Q0-Q0 (H5 | H5) → P0 P2 Q0, H1 H2 H5
    // Y×Z: 甲 P0-P2 (H1 | –), P2-P2 (H3 | –), P2-P4 (H3 | H4); 乙 Q0-Q1, Q0-Q2 (H5 | G) → P0 P2 P4 Q0 Q1 Q2, H1 H3 H4 H5 G
    const within = cells(build({ kind: 'cooccurrence', scope: 'within', within: 2 }));
    expect(within).toContain('政策 × 政策/住房: 5/5');
    expect(within).toContain('政策/住房 × 政策: 5/5');
    expect(within).toContain('政策 × 民生: 3/3');
    expect(within).toContain('政策/住房 × 民生: 5/6');
    expect(within).toContain('民生 × 政策/住房: 5/6');
    // Within 0 is the same paragraph.
    expect(cells(build({ kind: 'cooccurrence', scope: 'within', within: 0 }))).toEqual(
      cells(build({ kind: 'cooccurrence', scope: 'paragraph' })),
    );
  });

  it('code × article and code × attribute value', () => {
    // X: 甲 H1 H2 in P0, 乙 H5 in Q0 · Y: 甲 H1 H3 in P0 P2, 乙 G in Q1 Q2 · Z: 甲 H4 in P2 (whole) P4, 乙 H5 in Q0
    const byArticle = build({ kind: 'article' });
    expect(byArticle.columns.map((c) => c.label)).toEqual(['甲', '乙']);
    expect(cells(byArticle)).toEqual([
      '政策 × 甲: 2/1',
      '政策 × 乙: 1/1',
      '政策/住房 × 甲: 2/2',
      '政策/住房 × 乙: 1/2',
      '民生 × 甲: 1/2',
      '民生 × 乙: 1/1',
    ]);
    const outlet = library.attributes.listAttributes()[0]!;
    const byValue = build({ kind: 'attribute', attributeId: outlet.id });
    expect(byValue.columns.map((c) => c.key)).toEqual(['官方', '市场化']);
    expect(cells(byValue)).toEqual(cells(byArticle).map((line) => line.replace('甲', '官方').replace('乙', '市场化')));
  });

  it('filters by a tag subtree', () => {
    const matrix = build({ kind: 'cooccurrence', scope: 'highlight', tag: '政策' });
    expect(matrix.rows.map((r) => r.key)).toEqual([X, Y]);
    expect(cells(matrix)).toEqual(['政策 × 政策: 3/2', '政策 × 政策/住房: 1/1', '政策/住房 × 政策: 1/1', '政策/住房 × 政策/住房: 3/4']);
    expect(() => build({ kind: 'article', tag: '没有' })).toThrow(/no tag "没有"/);
  });

  it('a cell opens its passages, each with the quotes it counts', () => {
    const { total, passages } = matrixPassages(library.database(), { kind: 'cooccurrence', scope: 'paragraph' }, X, Y);
    expect(total).toBe(1);
    expect(passages.map((p) => [p.articleTitle, p.paragraphOrder, p.quotes])).toEqual([['甲', order.P0, ['第零段', '住房政策']]]);
    const group = matrixPassages(library.database(), { kind: 'article' }, Y, byTitle('乙'));
    expect(group.passages.map((p) => [p.paragraphOrder, p.quotes.length])).toEqual([
      [order.Q1, 1],
      [order.Q2, 1],
    ]);
  });
});

function byTitle(title: string): string {
  return String(library.listArticles().find((a) => a.title === title)!.id);
}

describe('a cell of more paragraphs than it shows', () => {
  it('shows the first 500 in article and paragraph order and counts them all', async () => {
    const cellDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-matrix-cell-'));
    const big = await createLibrary({ dbPath: path.join(cellDir, 'library.sqlite') });
    try {
      const paragraphsOf = (title: string) =>
        big.getArticle(big.importText(Array.from({ length: 300 }, (_, i) => `${title}第${i}段文字。`).join('\n\n'), title).articleId!).paragraphs;
      const first = paragraphsOf('甲');
      const second = paragraphsOf('乙');
      // Tagged last article first and each from its end: the codings come in the reverse of the view's order.
      for (const p of [...second].reverse().concat([...first].reverse()))
        big.annotations.createHighlight({ paragraphId: p.id, start: 0, end: 1, color: 'yellow', tags: ['码'] });
      const { total, passages } = matrixPassages(big.database(), { kind: 'cooccurrence', scope: 'paragraph' }, '码', '码');
      expect(total).toBe(600);
      expect(passages.map((p) => [p.articleTitle, p.paragraphOrder])).toEqual(
        [...first.map((p) => ['甲', p.order]), ...second.slice(0, 200).map((p) => ['乙', p.order])],
      );
      expect(passages[0]!.text).toBe(first[0]!.text);
      expect(passages[499]!.quotes).toEqual(['乙']);
    } finally {
      big.close();
      fs.rmSync(cellDir, { recursive: true, force: true });
    }
  });
});
