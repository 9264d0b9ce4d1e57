import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { ProgressTrack } from '../../ui/ProgressTrack';
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
      <ProgressTrack label={t('progressLabel')} done={done} total={total} valueText={t('progressCount', { done, total })} />
      <p className="import-progress-count">{t('progressCount', { done, total })}</p>
      <button type="button" className="button" disabled={run.cancelling} onClick={cancelRunningImport}>
        {t('cancelImport')}
      </button>
    </section>
  );
}
