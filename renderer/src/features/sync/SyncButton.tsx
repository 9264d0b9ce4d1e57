import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { syncMessages } from './messages';
import { SyncDialog } from './SyncDialog';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

const pillKey = {
  off: 'pillOff',
  connecting: 'pillConnecting',
  synced: 'pillSynced',
  offline: 'pillOffline',
  error: 'pillError',
} as const;

/** The bar's sync pill: the state at a glance and, when another device overwrote a value of yours, how many. */
export function SyncButton() {
  const t = useMessages(syncMessages);
  const { status, refresh } = useSyncStatus();
  const [open, setOpen] = useState(false);
  const phase = status?.phase ?? 'off';
  const conflicts = status?.conflicts ?? 0;
  // The bar is crowded at 900 px: the pill shows a dot and a count, its name says it in words.
  const name = conflicts > 0 ? `${t(pillKey[phase])} · ${t('pillConflicts', { count: conflicts })}` : t(pillKey[phase]);
  return (
    <>
      <button
        type="button"
        className={`bar-pill sync-button sync-${phase}${conflicts > 0 ? ' sync-has-conflicts' : ''}`}
        aria-haspopup="dialog"
        aria-label={name}
        title={name}
        onClick={() => setOpen(true)}
      >
        <span className="sync-dot" aria-hidden="true" />
        {t('open')}
        {conflicts > 0 && (
          <span className="sync-conflict-count" aria-hidden="true">
            {conflicts}
          </span>
        )}
      </button>
      {open && status && <SyncDialog status={status} onChanged={refresh} onClose={() => setOpen(false)} />}
    </>
  );
}
