import { useEffect, useId, useMemo, useState } from 'react';
import {
  maxCooccurrenceDistance,
  type Matrix,
  type MatrixExportFormat,
  type MatrixPassage,
  type MatrixRequest,
} from '../../../../preload/contract/matrixTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useNavigation } from '../../state/Navigation';
import { Dialog } from '../../ui/Dialog';
import { useAttributes } from '../attributes/useAttributes';
import { useTagList } from '../tags/useTagList';
import { matrixMessages } from './messages';
import { matrixTable, type Measure, type MatrixSort } from './matrixTable';
import './matrices.css';

type Kind = 'highlight' | 'paragraph' | 'within' | 'article' | 'attribute';
const kinds: readonly Kind[] = ['highlight', 'paragraph', 'within', 'article', 'attribute'];
const kindLabel = {
  highlight: 'kindHighlight',
  paragraph: 'kindParagraph',
  within: 'kindWithin',
  article: 'kindArticle',
  attribute: 'kindAttribute',
} as const;

interface OpenCell {
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  total: number;
  passages: MatrixPassage[];
}

/**
 * Code matrices: codes against codes, articles or an attribute's values, counted in main. Each
 * cell with something in it is a button that lists its passages; each passage opens the reader
 * at its paragraph. Rows and columns sort by name or by total, and at most the first hundred of
 * each are drawn; the tag filter keeps one tag's subtree.
 */
export function MatricesDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(matrixMessages);
  const { version } = useLibraryEvents();
  const { openArticle } = useNavigation();
  const tags = useTagList();
  const attributes = useAttributes();
  const [kind, setKind] = useState<Kind>('highlight');
  const [within, setWithin] = useState(1);
  const [attributeId, setAttributeId] = useState<number | null>(null);
  const [tag, setTag] = useState('');
  const [measure, setMeasure] = useState<Measure>('highlights');
  const [sort, setSort] = useState<MatrixSort>('name');
  const [drawn, setMatrix] = useState<Matrix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [cell, setCell] = useState<OpenCell | null>(null);
  const ids = { kind: useId(), within: useId(), attribute: useId(), tag: useId(), measure: useId(), sort: useId() };
  const chosenAttribute = attributes.find((a) => a.id === attributeId) ?? attributes[0];

  const request = useMemo((): MatrixRequest | null => {
    const scope = tag === '' ? {} : { tag };
    if (kind === 'article') return { kind: 'article', ...scope };
    if (kind === 'attribute')
      return chosenAttribute ? { kind: 'attribute', attributeId: chosenAttribute.id, ...scope } : null;
    return kind === 'within'
      ? { kind: 'cooccurrence', scope: 'within', within, ...scope }
      : { kind: 'cooccurrence', scope: kind, ...scope };
  }, [kind, within, chosenAttribute, tag]);

  useEffect(() => {
    let live = true;
    if (!request) return;
    void pizhu.buildMatrix(request).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setMatrix(result.value);
    });
    return () => {
      live = false;
    };
  }, [request, version]);

  // An attribute matrix with no attribute to draw shows nothing.
  const matrix = request ? drawn : null;

  const table = useMemo(() => (matrix ? matrixTable(matrix, measure, sort) : null), [matrix, measure, sort]);
  const cut =
    matrix && table && (table.rows.length < matrix.rows.length || table.columns.length < matrix.columns.length);

  const openCell = async (row: number, column: number) => {
    if (!matrix || !request) return;
    const r = matrix.rows[row]!;
    const c = matrix.columns[column]!;
    const result = await pizhu.matrixPassages({ matrix: request, row: r.key, column: c.key });
    if (!result.ok) return setError(result.error.message);
    setCell({ row: r.key, column: c.key, rowLabel: r.label, columnLabel: c.label, ...result.value });
  };

  const exportAs = async (format: MatrixExportFormat) => {
    if (!request) return;
    const result = await pizhu.exportMatrix({ matrix: request, format });
    if (!result.ok) return setError(result.error.message);
    if (result.value) setMessage(t('exported', { path: result.value.path }));
  };

  if (cell) {
    return (
      <Dialog
        title={t('passagesTitle', { row: cell.rowLabel, column: cell.columnLabel })}
        onClose={onClose}
        className="matrices-dialog"
      >
        <div className="matrix-passages-top">
          <button type="button" className="button" autoFocus onClick={() => setCell(null)}>
            {t('back')}
          </button>
          <span className="muted">{t('passagesCount', { total: cell.total })}</span>
        </div>
        {cell.total > cell.passages.length && (
          <p className="field-hint">{t('passagesMore', { shown: cell.passages.length, total: cell.total })}</p>
        )}
        <ul className="matrix-passages" aria-label={t('passagesLabel')}>
          {cell.passages.map((p) => (
            <li key={p.paragraphId}>
              <button
                type="button"
                className="matrix-passage"
                aria-label={t('passageLabel', { title: p.articleTitle, order: p.paragraphOrder + 1 })}
                onClick={() => {
                  onClose();
                  void openArticle(p.articleId, p.paragraphId);
                }}
              >
                <span className="matrix-passage-title">{p.articleTitle}</span>
                <span className="matrix-passage-text" lang="zh">
                  {p.quotes.length > 0 ? p.quotes.map((q) => `“${q}”`).join(' … ') : p.text}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('title')} onClose={onClose} className="matrices-dialog">
      <div className="matrix-controls">
        <label htmlFor={ids.kind}>{t('kind')}</label>
        <select
          id={ids.kind}
          className="field"
          value={kind}
          onChange={(e) => setKind(kinds.find((k) => k === e.target.value) ?? 'highlight')}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(kindLabel[k])}
            </option>
          ))}
        </select>
        {kind === 'within' && (
          <>
            <label htmlFor={ids.within}>{t('within')}</label>
            <input
              id={ids.within}
              className="field matrix-within"
              type="number"
              min={0}
              max={maxCooccurrenceDistance}
              value={within}
              onChange={(e) =>
                setWithin(Math.max(0, Math.min(maxCooccurrenceDistance, Math.round(Number(e.target.value) || 0))))
              }
            />
          </>
        )}
        {kind === 'attribute' && (
          <>
            <label htmlFor={ids.attribute}>{t('attribute')}</label>
            <select
              id={ids.attribute}
              className="field"
              value={chosenAttribute?.id ?? ''}
              disabled={attributes.length === 0}
              onChange={(e) => setAttributeId(Number(e.target.value))}
            >
              {attributes.length === 0 && <option value="">{t('noAttribute')}</option>}
              {attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={ids.tag}>{t('tag')}</label>
        <select id={ids.tag} className="field" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((x) => (
            <option key={x.id} value={x.name}>
              {x.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.measure}>{t('measure')}</label>
        <select
          id={ids.measure}
          className="field"
          value={measure}
          onChange={(e) => setMeasure(e.target.value === 'paragraphs' ? 'paragraphs' : 'highlights')}
        >
          <option value="highlights">{t('highlights')}</option>
          <option value="paragraphs">{t('paragraphs')}</option>
        </select>
        <label htmlFor={ids.sort}>{t('sort')}</label>
        <select
          id={ids.sort}
          className="field"
          value={sort}
          onChange={(e) => setSort(e.target.value === 'total' ? 'total' : 'name')}
        >
          <option value="name">{t('sortName')}</option>
          <option value="total">{t('sortTotal')}</option>
        </select>
      </div>
      <div className="matrix-actions">
        <button type="button" className="button" disabled={!matrix} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" className="button" disabled={!matrix} onClick={() => void exportAs('xlsx')}>
          {t('exportXlsx')}
        </button>
        {message && (
          <span role="status" className="muted matrix-message">
            {message}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="dialog-message error">
          {error}
        </p>
      )}
      {!matrix || !table ? (
        <p className="muted">{t('loading')}</p>
      ) : matrix.rows.length === 0 || matrix.columns.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          {cut && (
            <p className="field-hint">
              {t('drawnPart', {
                rows: table.rows.length,
                rowCount: matrix.rows.length,
                columns: table.columns.length,
                columnCount: matrix.columns.length,
              })}
            </p>
          )}
          <div className="matrix-scroll">
            <table className="matrix-table" aria-label={t('tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('codes')}</th>
                  {table.columns.map((j) => (
                    <th key={matrix.columns[j]!.key} scope="col" title={matrix.columns[j]!.label}>
                      {matrix.columns[j]!.label}
                    </th>
                  ))}
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((i) => (
                  <tr key={matrix.rows[i]!.key}>
                    <th scope="row">{matrix.rows[i]!.label}</th>
                    {table.columns.map((j) => {
                      const c = table.cell(i, j);
                      return (
                        <td key={matrix.columns[j]!.key}>
                          {c && c.paragraphs > 0 ? (
                            <button
                              type="button"
                              className="matrix-cell"
                              aria-label={t('cellLabel', {
                                row: matrix.rows[i]!.label,
                                column: matrix.columns[j]!.label,
                                highlights: c.highlights,
                                paragraphs: c.paragraphs,
                              })}
                              onClick={() => void openCell(i, j)}
                            >
                              {c[measure]}
                            </button>
                          ) : (
                            <span className="matrix-zero">0</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="matrix-total">{table.rowTotals[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  );
}
