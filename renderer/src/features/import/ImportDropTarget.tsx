import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import { maxDroppedFiles, maxDroppedFolderDepth } from '../../../../preload/contract/importTypes';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { showImportReport } from '../library/importReportStore';
import { currentImportRun } from './importRun';
import { importMessages } from './messages';
import { readDrop, takeDropItems, type UnreadEntry } from './readDrop';
import { sendDrop } from './sendDrop';
import './import.css';

/** A drag from outside the page carrying files (not text or a link dragged within it). */
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files and folders dropped anywhere on the window are imported, ending in the import report;
 * while files are dragged over it, an overlay says so. The page reads the files' bytes and sends
 * them with their names (sendDrop); it never names a path on disk. (Keyboard users: Import….)
 */
export function ImportDropTarget() {
  const t = useMessages(importMessages);
  const { changed } = useLibraryEvents();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0); // dragenter/dragleave fire for every element crossed: count them

  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current++;
      // While an import runs a drop is refused (one at a time): no overlay inviting one.
      setDragging(currentImportRun() === null);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the drop would be the browser's: opening the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = currentImportRun() ? 'none' : 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (currentImportRun()) return; // one import at a time; the bar shows the one running
      const items = takeDropItems(event.dataTransfer);
      void importDrop(items);
    };
    const importDrop = async (items: ReturnType<typeof takeDropItems>) => {
      const read = await readDrop(items);
      const unread = read.unread.map((entry) => unreadOutcome(entry, t));
      const sent = read.files.length > 0 ? await sendDrop(read.files) : { outcomes: [], cancelled: null, error: null };
      const refused: ImportOutcome[] = sent.error
        ? [{ fileName: '', status: 'failed', message: t('dropRefused', { message: sent.error.message }) }]
        : [];
      showImportReport([...sent.outcomes, ...unread, ...refused], sent.cancelled);
      changed();
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [t, changed]);

  if (!dragging) return null;
  return (
    <div className="import-drop-overlay" role="status">
      <div className="import-drop-card">
        <DropIcon />
        <p className="import-drop-title">{t('dropToImport')}</p>
        <p className="import-drop-hint">{t('dropHint')}</p>
      </div>
    </div>
  );
}

function unreadOutcome(entry: UnreadEntry, t: (key: 'tooDeep' | 'tooMany' | 'unreadable', vars?: Record<string, string | number>) => string): ImportOutcome {
  const message =
    entry.reason.key === 'tooDeep'
      ? t('tooDeep', { folder: entry.reason.folder, depth: maxDroppedFolderDepth })
      : entry.reason.key === 'tooMany'
        ? t('tooMany', { count: maxDroppedFiles })
        : t('unreadable');
  return { fileName: entry.name, status: 'failed', message };
}

function DropIcon() {
  return (
    <svg width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M12 3v12m0 0-4.5-4.5M12 15l4.5-4.5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" strokeLinecap="round" />
    </svg>
  );
}
