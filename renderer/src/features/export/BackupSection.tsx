import { useState } from 'react';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { usePreferences } from '../preferences/PreferencesContext';
import { flushPendingNotes } from '../notes/pendingNotes';
import { exportMessages } from './messages';

/**
 * Back the whole library up to one JSON file; merge one in (never overwriting, never duplicating);
 * or restore one (the library becomes the backup). Main previews and asks before either.
 */
export function BackupSection() {
  const t = useMessages(exportMessages);
  const { preferences } = usePreferences();
  const { changed } = useLibraryEvents();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  // Main opens its own save or open dialog for each call; null means the person cancelled it.
  const backUp = async () => {
    setBusy(true);
    const result = await pizhu.exportBackup();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value === null) return;
    setStatus({ text: t('backedUp', { ...result.value }), error: false });
  };

  // Merge from JSON: main shows what it would add and asks; nothing is removed or overwritten.
  const merge = async () => {
    setBusy(true);
    const result = await pizhu.importBackup();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value === null) return;
    const c = result.value;
    const notes = c.notesAdded + c.notesJoined;
    const added = c.articlesAdded + c.highlightsAdded + c.tagsAdded + c.paragraphTagsAdded + notes;
    if (added > 0) changed();
    setStatus({
      text:
        added === 0
          ? t('restoredNothing')
          : t('restored', { articles: c.articlesAdded, highlights: c.highlightsAdded, tags: c.tagsAdded, notes }),
      error: false,
    });
  };

  // Restore from JSON: main reads the file, shows the backup beside the library and asks; the
  // library then holds what the backup holds, no more. Every pane reads again afterwards.
  const restoreJson = async () => {
    setBusy(true);
    await flushPendingNotes();
    const result = await pizhu.restoreJsonBackup();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value === null) return;
    changed();
    setStatus({ text: t('restoredJson', { ...result.value.restored }), error: false });
  };

  // Main lists its automatic backups and asks twice; the page names none. Afterwards every pane
  // reads again, since the whole library changed.
  const restoreAutomatic = async () => {
    setBusy(true);
    // Note text still being typed belongs to the library as it is now, which is kept as a backup.
    await flushPendingNotes();
    const result = await pizhu.restoreAutomaticBackup();
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error.message, error: true });
    if (result.value === null) return;
    changed();
    const date = new Date(result.value.restoredFrom).toLocaleString(preferences.uiLocale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    setStatus({ text: t('restoredAutomatic', { date }), error: false });
  };

  return (
    <section className="export-backup" aria-label={t('backup')}>
      <h3>{t('backup')}</h3>
      <div className="export-backup-buttons">
        <button type="button" className="button" disabled={busy} onClick={() => void backUp()}>
          {t('backupRun')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void merge()}>
          {t('mergeRun')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void restoreJson()}>
          {t('restoreRun')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void restoreAutomatic()}>
          {t('restoreAutomatic')}
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
