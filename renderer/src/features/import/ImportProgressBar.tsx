import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { cancelRunningImport, currentImportRun, subscribeImportRun } from './importRun';
import { importMessages } from './messages';
import './import.css';

/** The running import's progress (12 / 240) and its Cancel, once it has taken more than a second. */
export function ImportProgressBar() {
  const t = useMessages(importMessages);
  const run = useSyncExternalStore(subscribeImportRun, currentImportRun);
  // Before main has counted the files the Import button's dialog may still be open: nothing to show.
  if (!run || !run.shown || run.progress === null) return null;
  const { done, total } = run.progress;
  return (
    <section className="import-progress" aria-label={t('progressLabel')}>
      <p className="import-progress-label">{run.cancelling ? t('cancelling') : t('importing')}</p>
      <div
        className="import-progress-track"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('progressCount', { done, total })}
      >
        <div className="import-progress-fill" style={{ width: `${total > 0 ? (100 * done) / total : 0}%` }} />
      </div>
      <p className="import-progress-count">{t('progressCount', { done, total })}</p>
      <button type="button" className="button" disabled={run.cancelling} onClick={cancelRunningImport}>
        {t('cancelImport')}
      </button>
    </section>
  );
}
