import path from 'node:path';
import { cooccurrenceScopes, type MatrixRequest } from '../../preload/contract/matrixTypes';
import type { Library } from '../library/createLibrary';
import { matrixCsv, matrixTable, type MatrixMeasure } from '../library/matrices/matrixFiles';
import { UsageError } from './cliOptions';

export interface MatrixOptions {
  tag?: string;
  scope?: string;
  within?: string;
  attribute?: string;
  paragraphs?: boolean;
  csv?: boolean;
  json?: boolean;
  out?: string;
}

/**
 * `pizhu matrix cooccurrence|article|attribute`: the matrix as a table of highlight counts (or
 * paragraph counts with --paragraphs), as CSV on stdout (--csv), as JSON (--json), or written
 * to a .csv or .xlsx file (--out).
 */
export async function runMatrix(library: Library, args: readonly string[], options: MatrixOptions): Promise<string[]> {
  const usage = 'matrix takes cooccurrence, article or attribute';
  const [kind, ...extra] = args;
  if (extra.length > 0) throw new UsageError(usage);
  const tag = options.tag === undefined ? {} : { tag: options.tag };
  let request: MatrixRequest;
  if (kind === 'cooccurrence') {
    const scope = options.within !== undefined ? 'within' : (options.scope ?? 'highlight');
    if (!cooccurrenceScopes.some((s) => s === scope)) throw new UsageError(`--scope must be one of ${cooccurrenceScopes.join(', ')}`);
    if (scope === 'within') {
      const within = Number(options.within ?? '1');
      if (!Number.isInteger(within) || within < 0) throw new UsageError('--within needs a number of paragraphs');
      request = { kind: 'cooccurrence', scope: 'within', within, ...tag };
    } else request = { kind: 'cooccurrence', scope: scope as 'highlight' | 'paragraph', ...tag };
  } else if (kind === 'article') {
    request = { kind: 'article', ...tag };
  } else if (kind === 'attribute') {
    if (options.attribute === undefined) throw new UsageError('matrix attribute needs --attribute NAME');
    const wanted = options.attribute.trim().toLowerCase();
    const found = library.attributes.listAttributes().find((a) => a.name.toLowerCase() === wanted);
    if (!found) throw new UsageError(`there is no attribute "${options.attribute}" (pizhu attributes list names them)`);
    request = { kind: 'attribute', attributeId: found.id, ...tag };
  } else throw new UsageError(usage);
  const measure: MatrixMeasure = options.paragraphs ? 'paragraphs' : 'highlights';
  if (options.out !== undefined) {
    const file = path.resolve(options.out);
    const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    const written = await library.matrices.exportMatrix(file, request, format, measure);
    return [`${written.rows} × ${written.columns} matrix written to ${written.path}`];
  }
  const matrix = library.matrices.buildMatrix(request);
  if (options.json) return [JSON.stringify(matrix, null, 2)];
  if (options.csv) return [matrixCsv(matrix, measure).replace(/^\uFEFF/, '').replace(/\r\n$/, '')];
  return matrixTable(matrix, measure).map((row) => row.join('\t'));
}
