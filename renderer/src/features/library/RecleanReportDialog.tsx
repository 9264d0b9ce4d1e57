import type { RecleanReport } from '../../../../preload/contract/annotationTypes';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { libraryMessages } from './messages';

/** What a re-clean did: paragraphs, highlights placed again and how, and every orphan by its quote. */
export function RecleanReportDialog({ report, onClose }: { report: RecleanReport; onClose: () => void }) {
  const t = useMessages(libraryMessages);
  return (
    <Dialog title={t('recleanTitle')} onClose={onClose} className="reclean-dialog">
      <p>{t('recleanSummary', { paragraphs: report.paragraphs, ...report.placed })}</p>
      {report.movedParagraphAnnotations > 0 && <p>{t('recleanMoved', { count: report.movedParagraphAnnotations })}</p>}
      {report.orphans.length === 0 ? (
        <p>{t('recleanNoOrphans')}</p>
      ) : (
        <>
          <p>{t('recleanOrphans', { count: report.orphans.length })}</p>
          <ul className="reclean-orphans">
            {report.orphans.map((h) => (
              <li key={h.id} lang="zh">
                {h.quote}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
