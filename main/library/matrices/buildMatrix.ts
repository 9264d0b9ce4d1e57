import type { Matrix, MatrixAxisItem, MatrixCell, MatrixRequest } from '../../../preload/contract/matrixTypes';
import { maxCooccurrenceDistance } from '../../../preload/contract/matrixTypes';
import { attributeValueOrder } from '../attributes/attributeValues';
import { readAttribute } from '../attributes/attributeStore';
import { LibraryError } from '../libraryError';
import type { Db } from '../store/openDatabase';
import { codingQuery, readCodings, type Coding } from './readCodings';

/** What one cell holds: the paragraphs and highlights it counts. */
export interface CellContents {
  paragraphs: Set<number>;
  segments: Set<string>;
}

export interface MatrixContents {
  rows: MatrixAxisItem[];
  columns: MatrixAxisItem[];
  /** By `${row}\u0000${column}` index pair. */
  cells: Map<string, CellContents>;
  /** Each coded paragraph's article and place in it (`[articleId, order]`), from the codings read: a cell's passages are ordered by it. */
  placeOf: Map<number, [articleId: number, order: number]>;
}

/** The matrix asked for: its axes and every cell's counts (only the cells with something in them). */
export function buildMatrix(db: Db, request: MatrixRequest): Matrix {
  if (request.kind !== 'cooccurrence') return countedInSql(db, request);
  const contents = matrixContents(db, request);
  const cells: MatrixCell[] = [];
  for (const [key, cell] of contents.cells) {
    const [row, column] = key.split('\u0000').map(Number) as [number, number];
    cells.push({ row, column, highlights: cell.segments.size, paragraphs: cell.paragraphs.size });
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { request, rows: contents.rows, columns: contents.columns, cells };
}

/**
 * Every cell's paragraphs and highlights. Co-occurrence: on one highlight, the highlights both
 * codes are on (and their paragraphs); in one paragraph, the paragraphs both codes are in (and
 * the highlights of either there); within N, the paragraphs of one code with the other within N
 * paragraphs of the same article (and the highlights of each there). Article and attribute: a
 * code's paragraphs and highlights in that article, or in the articles with that value.
 */
export function matrixContents(db: Db, request: MatrixRequest, only?: { row: string; column: string }): MatrixContents {
  // One cell's contents depend on its codes alone: the others' codings are not read.
  const { tags, codings } = readCodings(
    db,
    request.tag,
    only && ((t) => t.name === only.row || (request.kind === 'cooccurrence' && t.name === only.column)),
  );
  const rows = tags.map((t) => ({ key: t.name, label: t.name }));
  const rowOf = new Map(tags.map((t, i) => [t.id, i]));
  const cells = new Map<string, CellContents>();
  const placeOf = new Map<number, [number, number]>();
  for (const c of codings) placeOf.set(c.paragraphId, [c.articleId, c.order]);
  const add = (row: number, column: number, paragraphId: number, segment: string | null) => {
    const key = `${row}\u0000${column}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { paragraphs: new Set(), segments: new Set() }));
    cell.paragraphs.add(paragraphId);
    if (segment !== null) cell.segments.add(segment);
  };

  if (request.kind !== 'cooccurrence') {
    const { columns, columnOf } = articleColumns(db, request, codings.map((c) => c.articleId));
    for (const c of codings) {
      const column = columnOf(c.articleId);
      if (column !== undefined) add(rowOf.get(c.tagId)!, column, c.paragraphId, c.segment);
    }
    return { rows, columns, cells, placeOf };
  }

  // Co-occurrence: codes against codes.
  const columns = rows;
  if (request.scope === 'highlight') {
    const bySegment = groupBy(
      codings.filter((c) => c.segment !== null),
      (c) => c.segment!,
    );
    for (const [segment, list] of bySegment) {
      const codes = new Set(list.map((c) => rowOf.get(c.tagId)!));
      const paragraphs = new Set(list.map((c) => c.paragraphId));
      for (const a of codes) for (const b of codes) for (const p of paragraphs) add(a, b, p, segment);
    }
    return { rows, columns, cells, placeOf };
  }
  const within = request.scope === 'paragraph' ? 0 : (request.within ?? 1);
  if (!Number.isInteger(within) || within < 0 || within > maxCooccurrenceDistance) {
    throw new LibraryError('invalid-argument', `"Within" is a number of paragraphs from 0 to ${maxCooccurrenceDistance}.`, 'within');
  }
  // Per article, each coded paragraph's codes with their highlights there.
  for (const [, list] of groupBy(codings, (c) => c.articleId)) {
    const byParagraph = groupBy(list, (c) => c.paragraphId);
    const places = [...byParagraph.values()].map((here) => ({
      order: here[0]!.order,
      paragraphId: here[0]!.paragraphId,
      codes: groupBy(here, (c) => rowOf.get(c.tagId)!),
    }));
    places.sort((x, y) => x.order - y.order);
    for (let i = 0; i < places.length; i++) {
      const p = places[i]!;
      for (let j = i; j < places.length && places[j]!.order - p.order <= within; j++) {
        const q = places[j]!;
        for (const [a, inP] of p.codes) {
          for (const [b, inQ] of q.codes) {
            // Every pair of a code here and a code there, both ways round.
            meet(add, a, b, p.paragraphId, inP, q.paragraphId, inQ);
          }
        }
      }
    }
  }
  return { rows, columns, cells, placeOf };
}

/**
 * A code against articles or an attribute's values, counted in one SQL query: each code's
 * distinct highlights and paragraphs per article (36,000 cells of the 10,000-article bench
 * in Sets took seconds); the values' columns then add up their articles' distinct counts,
 * which stay distinct because no highlight or paragraph is in two articles.
 */
function countedInSql(db: Db, request: Extract<MatrixRequest, { kind: 'article' | 'attribute' }>): Matrix {
  const { tags, which, params } = codingQuery(db, request.tag);
  const rows = tags.map((t) => ({ key: t.name, label: t.name }));
  const rowOf = new Map(tags.map((t, i) => [t.id, i]));
  // The highlight's own article and paragraph (no paragraph row to read), the trash left out once per article.
  const counted = db
    .prepare(
      `SELECT tagId, articleId, count(DISTINCT segment) AS highlights, count(DISTINCT paragraphId) AS paragraphs
         FROM (SELECT ht.tag_id AS tagId, h.article_id AS articleId, h.paragraph_id AS paragraphId,
                      coalesce('g' || h.group_id, 'h' || h.id) AS segment
                 FROM highlight_tag ht JOIN highlight h ON h.id = ht.highlight_id
                WHERE h.paragraph_id IS NOT NULL ${which.replace('tag_id', 'ht.tag_id')}
               UNION ALL
               SELECT pt.tag_id, p.article_id, p.id, NULL
                 FROM paragraph_tag pt JOIN paragraph p ON p.id = pt.paragraph_id
                WHERE 1 ${which.replace('tag_id', 'pt.tag_id')})
        WHERE articleId NOT IN (SELECT id FROM article WHERE trashed_at IS NOT NULL)
        GROUP BY tagId, articleId`,
    )
    .all(params) as Array<{ tagId: number; articleId: number; highlights: number; paragraphs: number }>;
  const { columns, columnOf } = articleColumns(db, request, counted.map((c) => c.articleId));
  const sums = new Map<string, MatrixCell>();
  for (const c of counted) {
    const column = columnOf(c.articleId);
    const row = rowOf.get(c.tagId);
    if (column === undefined || row === undefined) continue;
    const key = `${row}\u0000${column}`;
    const cell = sums.get(key);
    if (cell) {
      cell.highlights += c.highlights;
      cell.paragraphs += c.paragraphs;
    } else sums.set(key, { row, column, highlights: c.highlights, paragraphs: c.paragraphs });
  }
  const cells = [...sums.values()].filter((c) => c.paragraphs > 0);
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { request, rows, columns, cells };
}

/**
 * A code × article or code × value matrix's columns, and the column each article counts in:
 * the articles with a coding by id (labelled by title), or the attribute's values in its order
 * (a list's, numbers and dates as such, text by the collator); an article without a value is in none.
 */
function articleColumns(
  db: Db,
  request: Extract<MatrixRequest, { kind: 'article' | 'attribute' }>,
  coded: readonly number[],
): { columns: MatrixAxisItem[]; columnOf: (articleId: number) => number | undefined } {
  if (request.kind === 'article') {
    const articleIds = [...new Set(coded)].sort((a, b) => a - b);
    const titles = new Map(
      db
        .prepare('SELECT id, title FROM article WHERE id IN (SELECT value FROM json_each(?))')
        .raw()
        .all(JSON.stringify(articleIds)) as Array<[number, string]>,
    );
    const index = new Map(articleIds.map((id, i) => [id, i]));
    return { columns: articleIds.map((id) => ({ key: String(id), label: titles.get(id) ?? '' })), columnOf: (id) => index.get(id) };
  }
  const attribute = readAttribute(db, request.attributeId);
  if (!attribute) throw new LibraryError('not-found', `There is no attribute ${request.attributeId}.`, String(request.attributeId));
  const valueOf = new Map(
    db.prepare('SELECT article_id, value FROM article_attribute WHERE attribute_id = ?').raw().all(attribute.id) as Array<[number, string]>,
  );
  const values = [...new Set(valueOf.values())].sort(attributeValueOrder(attribute));
  const index = new Map(values.map((v, i) => [v, i]));
  return {
    columns: values.map((v) => ({ key: v, label: v })),
    columnOf: (id) => {
      const value = valueOf.get(id);
      return value === undefined ? undefined : index.get(value);
    },
  };
}

/** Code `a` in paragraph p meets code `b` in paragraph q: both places (and their highlights of those codes) count in cell (a, b) and (b, a). */
function meet(
  add: (row: number, column: number, paragraphId: number, segment: string | null) => void,
  a: number,
  b: number,
  p: number,
  inP: readonly Coding[],
  q: number,
  inQ: readonly Coding[],
): void {
  for (const [row, column] of a === b ? [[a, a]] : [[a, b], [b, a]]) {
    for (const c of inP) add(row!, column!, p, c.segment);
    for (const c of inQ) add(row!, column!, q, c.segment);
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
