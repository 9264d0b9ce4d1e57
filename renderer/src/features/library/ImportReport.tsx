import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { currentImportReport, dismissImportReport, subscribeImportReport } from './importReportStore';
import { libraryMessages } from './messages';

/**
 * What the last import did, until dismissed: how many were imported, which were already in
 * the library (under which title) and which failed (and why). The count alone said none of it.
 */
export function ImportReport() {
  const t = useMessages(libraryMessages);
  const outcomes = useSyncExternalStore(subscribeImportReport, currentImportReport);
  if (outcomes === null || outcomes.length === 0) return null;
  const imported = outcomes.filter((o) => o.status === 'imported');
  // A duplicate (the same text in another encoding or spacing) is already there too, as o.title.
  const already = outcomes.filter((o) => o.status === 'already-imported' || o.status === 'duplicate');
  const failed = outcomes.filter((o) => o.status === 'failed');
  return (
    <section className="import-report" aria-label={t('reportTitle')} aria-live="polite">
      <div className="import-report-head">
        <p className="import-report-summary">
          {[
            t('reportImported', { count: imported.length }),
            already.length > 0 ? t('reportAlready', { count: already.length }) : null,
            failed.length > 0 ? t('reportFailed', { count: failed.length }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <button
          type="button"
          className="icon-button"
          aria-label={t('dismissReport')}
          title={t('dismiss')}
          onClick={dismissImportReport}
        >
          ×
        </button>
      </div>
      {imported.length > 0 && (
        <ul className="import-report-list" aria-label={t('reportImported', { count: imported.length })}>
          {imported.map((o, i) => (
            <li key={i} lang="zh">
              {o.title ?? o.fileName}
            </li>
          ))}
        </ul>
      )}
      {already.length > 0 && (
        <ul className="import-report-list" aria-label={t('reportAlready', { count: already.length })}>
          {already.map((o, i) => (
            <li key={i} lang="zh">
              {t('reportAlreadyItem', { file: o.fileName, title: o.title ?? '' })}
            </li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <ul className="import-report-list import-report-failed" aria-label={t('reportFailed', { count: failed.length })}>
          {failed.map((o, i) => (
            <li key={i}>{t('reportFailedItem', { file: o.fileName, message: o.message ?? '' })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
