import { useId, useState } from 'react';
import type { QdpxImportCounts } from '../../../../preload/contract/api';
import type { Result } from '../../../../preload/contract/errors';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { flushPendingNotes } from '../notes/pendingNotes';
import { exportMessages, type ExportMessage } from './messages';

type Status = { text: string; error: boolean };

/**
 * REFI-QDA exchange with other qualitative analysis tools: the library as a project (.qdpx) with
 * what those tools are known to require as options, the codebook alone (.qdc), and the import of
 * either. Main's dialogs name every file; the dialog shows what was written or added, or why not.
 */
export function RefiQdaSection() {
  const t = useMessages(exportMessages);
  const { changed } = useLibraryEvents();
  const [crlf, setCrlf] = useState(false);
  const [atlasNaming, setAtlasNaming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const crlfHint = useId();
  const atlasHint = useId();

  /** Runs one call; a cancelled dialog (null) leaves the last status as it was. */
  const run = async <T,>(call: () => Promise<Result<T | null>>, show: (value: T) => Status) => {
    setBusy(true);
    // Unsaved note and memo text goes out with the project.
    await flushPendingNotes();
    const result = await call();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value !== null) setStatus(show(result.value));
  };

  const imported = (c: QdpxImportCounts): Status => {
    const added = c.articlesAdded + c.tagsAdded + c.highlightsAdded + c.paragraphTagsAdded + c.notesAdded + c.memosAdded;
    if (added > 0) changed();
    const key: ExportMessage = added > 0 ? 'qdpxImported' : 'qdaNothingNew';
    return {
      text: t(key, {
        articles: c.articlesAdded,
        present: c.articlesAlreadyPresent,
        tags: c.tagsAdded,
        highlights: c.highlightsAdded,
        paragraphTags: c.paragraphTagsAdded,
        notes: c.notesAdded,
        memos: c.memosAdded,
        skipped: c.selectionsSkipped,
      }),
      error: false,
    };
  };

  return (
    <section className="export-qda" aria-labelledby="export-qda-heading">
      <h3 id="export-qda-heading">{t('qda')}</h3>
      <p className="export-qda-hint">{t('qdaHint')}</p>
      <div className="export-qda-options">
        <label className="export-choice" title={t('qdaCrlfHint')}>
          <input type="checkbox" checked={crlf} aria-describedby={crlfHint} onChange={(e) => setCrlf(e.target.checked)} />
          {t('qdaCrlf')}
          <span id={crlfHint} className="visually-hidden">
            {t('qdaCrlfHint')}
          </span>
        </label>
        <label className="export-choice" title={t('qdaAtlasHint')}>
          <input
            type="checkbox"
            checked={atlasNaming}
            aria-describedby={atlasHint}
            onChange={(e) => setAtlasNaming(e.target.checked)}
          />
          {t('qdaAtlas')}
          <span id={atlasHint} className="visually-hidden">
            {t('qdaAtlasHint')}
          </span>
        </label>
      </div>
      <div className="export-backup-buttons">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => pizhu.exportQdpx({ crlf, atlasNaming }),
              (r) => ({ text: t('qdpxWritten', { ...r }), error: false }),
            )
          }
        >
          {t('qdpxRun')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(() => pizhu.exportQdc(), (r) => ({ text: t('qdcWritten', { ...r }), error: false }))}
        >
          {t('qdcRun')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(() => pizhu.importQdpx(), imported)}>
          {t('qdaImportRun')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(
              () => pizhu.importQdc(),
              (c) => {
                if (c.tagsAdded + c.descriptionsAdded > 0) changed();
                return {
                  text: t('qdcImported', { codes: c.codes, tags: c.tagsAdded, descriptions: c.descriptionsAdded }),
                  error: false,
                };
              },
            )
          }
        >
          {t('qdcImportRun')}
        </button>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'export-error' : 'export-backup-status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
