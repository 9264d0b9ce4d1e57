import { useState, useSyncExternalStore } from 'react';
import type { ImportOutcome, ImportReading } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { importMessages, type ImportMessageKey } from '../import/messages';
import { reasonText } from '../import/reasonText';
import { currentImportReport, dismissImportReport, markKeptBoth, subscribeImportReport } from './importReportStore';
import { libraryMessages } from './messages';
import '../import/import.css';

/**
 * What the last import did, until dismissed: how many were imported, which were the same text
 * as an article already there (each with Skip, the default, or Keep both), which were already in
 * the library (under which title), which were skipped as files of another kind (a picture) and
 * which were refused (and why); and where Cancel stopped it.
 */
export function ImportReport() {
  const t = useMessages(libraryMessages);
  const ti = useMessages(importMessages);
  const report = useSyncExternalStore(subscribeImportReport, currentImportReport);
  if (report === null || (report.outcomes.length === 0 && report.cancelled === null)) return null;
  const indexed = report.outcomes.map((outcome, index) => ({ outcome, index }));
  const imported = indexed.filter(({ outcome }) => outcome.status === 'imported');
  // A duplicate main still holds can be kept beside its original; one it let go is "already there".
  const duplicates = indexed.filter(({ outcome }) => outcome.status === 'duplicate' && outcome.keepId !== undefined);
  const already = indexed.filter(
    ({ outcome }) =>
      outcome.status === 'already-imported' || (outcome.status === 'duplicate' && outcome.keepId === undefined),
  );
  const skipped = indexed.filter(({ outcome }) => outcome.status === 'skipped');
  const failed = indexed.filter(({ outcome }) => outcome.status === 'failed');
  return (
    <section className="import-report" aria-label={t('reportTitle')} aria-live="polite">
      <div className="import-report-head">
        <p className="import-report-summary">
          {[
            t('reportImported', { count: imported.length + Object.keys(report.kept).length }),
            duplicates.length > 0 ? ti('duplicates', { count: duplicates.length }) : null,
            already.length > 0 ? t('reportAlready', { count: already.length }) : null,
            skipped.length > 0 ? ti('skippedKind', { count: skipped.length }) : null,
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
      {report.cancelled && (
        <p className="import-report-cancelled" role="status">
          {ti('cancelled', { done: report.cancelled.done, total: report.cancelled.total })}
        </p>
      )}
      {imported.length > 0 && (
        <ul className="import-report-list" aria-label={t('reportImported', { count: imported.length })}>
          {imported.map(({ outcome, index }) => (
            <li key={index}>
              <span lang="zh">{outcome.title ?? outcome.fileName}</span>
              {outcome.reading && <span className="import-report-reading"> — {readingOf(outcome.reading, ti)}</span>}
            </li>
          ))}
        </ul>
      )}
      {duplicates.length > 0 && (
        <ul className="import-report-list import-report-duplicates" aria-label={ti('duplicates', { count: duplicates.length })}>
          {duplicates.map(({ outcome, index }) => (
            <DuplicateRow key={index} outcome={outcome} index={index} kept={report.kept[index]} />
          ))}
        </ul>
      )}
      {already.length > 0 && (
        <ul className="import-report-list" aria-label={t('reportAlready', { count: already.length })}>
          {already.map(({ outcome, index }) => (
            <li key={index} lang="zh">
              {t('reportAlreadyItem', { file: outcome.fileName, title: outcome.title ?? '' })}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <ul className="import-report-list import-report-skipped" aria-label={ti('skippedKind', { count: skipped.length })}>
          {skipped.map(({ outcome, index }) => (
            <li key={index}>{t('reportFailedItem', { file: outcome.fileName, message: reasonText(outcome, ti) })}</li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <ul className="import-report-list import-report-failed" aria-label={t('reportFailed', { count: failed.length })}>
          {failed.map(({ outcome, index }) => (
            <li key={index}>{t('reportFailedItem', { file: outcome.fileName, message: reasonText(outcome, ti) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const scriptKeys = {
  simplified: 'scriptSimplified',
  traditional: 'scriptTraditional',
  mixed: 'scriptMixed',
  unknown: 'scriptUnknown',
} as const;

/** How the file was read: its encoding, its script and how much cleaning hid (UTF-8, simplified, 3 of 40 paragraphs hidden). */
function readingOf(reading: ImportReading, ti: (key: ImportMessageKey, vars?: Record<string, string | number>) => string): string {
  return ti('reading', {
    encoding: reading.encoding.toUpperCase(),
    script: ti(scriptKeys[reading.script]),
    hidden: reading.hidden,
    paragraphs: reading.paragraphs,
  });
}

/** A file with the same text as an article already there: Skip (nothing imported) or Keep both (imported, linked). */
function DuplicateRow({ outcome, index, kept }: { outcome: ImportOutcome; index: number; kept: ImportOutcome | undefined }) {
  const ti = useMessages(importMessages);
  const { changed } = useLibraryEvents();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = outcome.duplicateOf?.title ?? outcome.title ?? '';
  if (kept) {
    return (
      <li lang="zh" className="import-report-kept">
        {ti('keptBoth', { file: outcome.fileName, title })}
      </li>
    );
  }
  const keepBoth = async () => {
    if (outcome.keepId === undefined) return;
    setBusy(true);
    const result = await pizhu.keepDuplicate({ keepId: outcome.keepId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    markKeptBoth(index, result.value);
    changed();
  };
  const label = ti(outcome.duplicateOf?.inTrash ? 'duplicateTrash' : 'duplicateItem', { file: outcome.fileName, title });
  return (
    <li className="import-report-duplicate">
      <span lang="zh">{label}</span>
      <span className="import-report-choice" role="group" aria-label={label}>
        <button type="button" className="button" aria-pressed={true} disabled={busy}>
          {ti('skip')}
        </button>
        <button type="button" className="button" aria-pressed={false} disabled={busy} onClick={() => void keepBoth()}>
          {ti('keepBoth')}
        </button>
      </span>
      {error && <span className="import-report-failed">{ti('keepFailed', { file: outcome.fileName, message: error })}</span>}
    </li>
  );
}
