import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SyncConflict, SyncStatus } from '../../../../preload/contract/syncTypes';
import { pizhu } from '../../api/pizhuClient';
import { usePreferences } from '../preferences/PreferencesContext';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { ProgressTrack } from '../../ui/ProgressTrack';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { annotateMessages } from '../annotate/messages';
import { syncMessages } from './messages';
import { syncProblemText } from './syncProblem';
import { conflictNoticeText } from './conflictNotice';

interface Props {
  status: SyncStatus;
  /** A call here changed the state: ask main again. */
  onChanged: () => void;
  onClose: () => void;
}

const stateKey = {
  off: 'stateOff',
  connecting: 'stateConnecting',
  synced: 'stateSynced',
  offline: 'stateOffline',
  error: 'stateError',
} as const;

/** The Sync pane: where the library syncs, how it stands, and the values of yours another device overwrote. */
export function SyncDialog({ status, onChanged, onClose }: Props) {
  const t = useMessages(syncMessages);
  const colours = useMessages(annotateMessages);
  const locale = usePreferences().preferences.uiLocale;
  const time = (iso: string) => new Date(iso).toLocaleString(locale);
  const [url, setUrl] = useState(status.target?.kind === 'server' ? status.target.url : '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const { changed } = useLibraryEvents();

  const loadConflicts = useCallback(() => {
    void pizhu.listSyncConflicts().then((result) => {
      if (result.ok) setConflicts(result.value);
    });
  }, []);
  useEffect(loadConflicts, [loadConflicts, status.conflicts]);

  const hasKeptToken = status.target?.kind === 'server' && status.target.url === url.trim();

  const call = async (run: () => Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }>) => {
    setError(null);
    const result = await run();
    if (!result.ok) {
      setError(
        syncProblemText({ code: result.error.code as never, message: result.error.message, retryAt: null }, t),
      );
    }
    onChanged();
    loadConflicts();
    return result.ok;
  };

  /** "Restore yours" wrote a highlight's colour or a tag's name: the panes showing it read it again. */
  const restore = async (c: SyncConflict) => {
    if (await call(() => pizhu.resolveSyncConflict({ id: c.id, keep: 'mine' })))
      changed(c.articleId === null ? undefined : [c.articleId]);
  };

  const syncWithServer = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    void call(() => pizhu.startServerSync(trimmed ? { url: url.trim(), token: trimmed } : { url: url.trim() }));
    setToken('');
  };

  const colourName = (value: string) => {
    const key = `color.${value}` as Parameters<typeof colours>[0];
    const named = colours(key);
    return named === undefined || named === key ? value : named;
  };

  const conflictText = (c: SyncConflict) => {
    const subject = c.subject ?? t('gone');
    if (c.kind === 'highlight-color')
      return t('conflictHighlightColor', { subject, mine: colourName(c.mine), theirs: colourName(c.theirs) });
    if (c.kind === 'tag-name') return t('conflictTagName', { mine: c.mine, theirs: c.theirs });
    return t('conflictOther', { field: c.field, mine: c.mine, theirs: c.theirs });
  };

  const target =
    status.target === null
      ? null
      : status.target.kind === 'server'
        ? status.target.url
        : t('folderTarget', { folder: status.target.folder });

  return (
    <Dialog title={t('title')} onClose={onClose} className="sync-dialog">
      <section className="sync-section" aria-label={t('title')}>
        <p className={`sync-state sync-${status.phase}`} role="status">
          <span className="sync-dot" aria-hidden="true" /> {t(stateKey[status.phase])}
        </p>
        {target !== null && status.phase !== 'off' && <p className="sync-line">{t('target', { target })}</p>}
        <p className="sync-line">
          {status.lastSyncAt ? t('lastSync', { time: time(status.lastSyncAt) }) : t('neverSynced')}
        </p>
        <p className="sync-line">{t('pending', { count: status.pending })}</p>
        {status.progress && (
          <div className="sync-progress">
            <ProgressTrack
              label={t('progressLabel')}
              done={status.progress.done}
              total={status.progress.total}
              valueText={t('progress', status.progress)}
            />
            <span className="sync-line">{t('progress', status.progress)}</span>
          </div>
        )}
        {status.problem && (
          <p className="sync-problem" role="alert">
            {syncProblemText(status.problem, t)}
            {status.problem.retryAt && ` ${t('retryAt', { time: time(status.problem.retryAt) })}`}
          </p>
        )}
        {status.readOnly && <p className="sync-line">{t('readOnly')}</p>}
        {status.online !== null ? (
          <p className="sync-line">{t('onlineNow', { names: status.online.join(locale === 'en' ? ', ' : '、') })}</p>
        ) : (
          status.phase !== 'off' && <p className="sync-line sync-muted">{t('online', { device: status.deviceId })}</p>
        )}
      </section>

      {conflicts.length > 0 && (
        <section className="sync-section sync-conflicts" aria-label={t('conflictsHeading')}>
          <h3 className="sync-heading">{t('conflictsHeading')}</h3>
          <ul>
            {conflicts.map((c) => (
              <li key={c.id} className="sync-conflict">
                <p className="sync-conflict-notice">{conflictNoticeText(c, t)}</p>
                <p>{conflictText(c)}</p>
                <p className="sync-muted">
                  {t('conflictWhere', { title: c.articleTitle ?? t('title'), time: time(c.recordedAt) })}
                </p>
                <div className="sync-conflict-actions">
                  <button type="button" onClick={() => void call(() => pizhu.resolveSyncConflict({ id: c.id, keep: 'theirs' }))}>
                    {t('keepTheirs')}
                  </button>
                  {c.restorable && (
                    <button
                      type="button"
                      className="button-primary"
                      onClick={() => void restore(c)}
                    >
                      {t('restoreYours')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form className="sync-section" onSubmit={syncWithServer}>
        <h3 className="sync-heading">{t('serverHeading')}</h3>
        <p className="sync-muted">{t('serverHint')}</p>
        <label className="form-row">
          <span>{t('serverUrl')}</span>
          <input
            type="url"
            value={url}
            placeholder="wss://sync.example.org"
            spellCheck={false}
            onChange={(event) => setUrl(event.target.value)}
          />
        </label>
        <label className="form-row">
          <span>{t('token')}</span>
          <input
            type="password"
            value={token}
            autoComplete="off"
            placeholder={hasKeptToken ? t('tokenKept') : ''}
            onChange={(event) => setToken(event.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={url.trim() === '' || (token.trim() === '' && !hasKeptToken)}>
            {t('syncServer')}
          </button>
        </div>
      </form>

      <section className="sync-section">
        <h3 className="sync-heading">{t('folderHeading')}</h3>
        <p className="sync-muted">{t('folderHint')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => void call(() => pizhu.chooseSyncFolder())}>
            {t('chooseFolder')}
          </button>
          {status.phase !== 'off' && (
            <button type="button" onClick={() => void call(() => pizhu.stopSync())}>
              {t('stop')}
            </button>
          )}
        </div>
      </section>
      {error && (
        <p className="sync-problem" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
