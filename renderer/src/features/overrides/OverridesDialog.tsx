import { useRef, useState } from 'react';
import type { TermListImportResult, TermOverride } from '../../../../preload/contract/termOverrideTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../annotate/toastStore';
import { EditOverrideForm } from './EditOverrideForm';
import { overridesMessages } from './messages';
import { modeNames } from './ModeChecks';
import { overrideErrorText, skipReasonText } from './overrideErrors';
import { useTermOverrides } from './overridesStore';
import './overrides.css';

type Report =
  | { kind: 'imported'; result: TermListImportResult }
  | { kind: 'exported'; count: number }
  | { kind: 'error'; message: string };

/** Skipped lines listed one by one, at most this many (the count says how many in all). */
const skippedShown = 50;

/**
 * The library's own conversions: each override's stored text, what it is shown as and in which
 * scripts; edit and delete (each one undo step), and the whole list as a CSV term list, read
 * and written through main's file dialogs. One dialog for the list and the edit form, so the
 * focus stays inside while switching.
 */
export function OverridesDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(overridesMessages);
  const { changed } = useLibraryEvents();
  const overrides = useTermOverrides();
  const [editing, setEditing] = useState<TermOverride | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const list = useRef<HTMLTableElement>(null);

  /** After an edit or a delete the focus goes back into the list: the row's Edit button, else the first row's. */
  const focusRow = (id: number | null) =>
    requestAnimationFrame(() => {
      const table = list.current;
      (
        (id !== null ? table?.querySelector<HTMLElement>(`tr[data-override-id="${id}"] button`) : null) ??
        table?.querySelector<HTMLElement>('tbody button')
      )?.focus();
    });

  const remove = async (o: TermOverride) => {
    const result = await pizhu.removeTermOverride({ id: o.id });
    if (!result.ok) return setReport({ kind: 'error', message: overrideErrorText(t, result.error, o.source) });
    changed([]);
    showToast(t('deleted', { source: o.source, target: o.target }), true);
    focusRow(null);
  };

  const importList = async () => {
    const result = await pizhu.importTermOverrides();
    if (!result.ok) return setReport({ kind: 'error', message: overrideErrorText(t, result.error) });
    if (result.value === null) return;
    setReport({ kind: 'imported', result: result.value });
    changed([]);
  };

  const exportList = async () => {
    const result = await pizhu.exportTermOverrides();
    if (!result.ok) return setReport({ kind: 'error', message: overrideErrorText(t, result.error) });
    if (result.value !== null) setReport({ kind: 'exported', count: result.value.written });
  };

  return (
    <Dialog title={editing ? t('editTitle') : t('listTitle')} onClose={onClose} className="overrides-dialog">
      {editing ? (
        <EditOverrideForm
          override={editing}
          onDone={(saved) => {
            const id = editing.id;
            setEditing(null);
            if (saved) {
              changed([]);
              showToast(t('updated', { source: saved.source, target: saved.target }), true);
            }
            focusRow(id);
          }}
        />
      ) : (
        <>
          <p className="field-hint">{t('listHint')}</p>
          <div className="overrides-actions">
            <button type="button" className="button" onClick={() => void importList()}>
              {t('importCsv')}
            </button>
            <button type="button" className="button" onClick={() => void exportList()}>
              {t('exportCsv')}
            </button>
          </div>
          {report?.kind === 'error' && (
            <p role="alert" className="dialog-message error">
              {report.message}
            </p>
          )}
          <div role="status" className="overrides-report">
            {report?.kind === 'exported' && <p>{t('exported', { count: report.count })}</p>}
            {report?.kind === 'imported' && (
              <>
                <p>
                  {t('imported', {
                    added: report.result.added,
                    updated: report.result.updated,
                    unchanged: report.result.unchanged,
                    skipped: report.result.skipped.length,
                  })}
                </p>
                {report.result.skipped.length > 0 && (
                  <ul className="overrides-skipped">
                    {report.result.skipped.slice(0, skippedShown).map((s) => (
                      <li key={s.line}>{t('skippedLine', { line: s.line, reason: skipReasonText(t, s.reason) })}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          {overrides.length === 0 ? (
            <p className="muted">{t('listEmpty')}</p>
          ) : (
            <div className="overrides-scroll">
              <table ref={list} className="overrides-table" aria-label={t('listLabel')}>
                <thead>
                  <tr>
                    <th scope="col">{t('source')}</th>
                    <th scope="col">{t('target')}</th>
                    <th scope="col">{t('modes')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overrides.map((o) => (
                    <tr key={o.id} data-override-id={o.id}>
                      <td lang="zh">{o.source}</td>
                      <td lang="zh">{o.target}</td>
                      <td lang="zh">{modeNames(o.modes)}</td>
                      <td className="overrides-row-actions">
                        <button
                          type="button"
                          className="button"
                          aria-label={t('editOf', { source: o.source })}
                          onClick={() => setEditing(o)}
                        >
                          {t('edit')}
                        </button>
                        <button
                          type="button"
                          className="button"
                          aria-label={t('deleteOf', { source: o.source })}
                          onClick={() => void remove(o)}
                        >
                          {t('delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
