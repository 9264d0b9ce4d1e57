import { useCallback, useEffect, useState } from 'react';
import { syncChangedEvent, syncStatusEvent } from '../../../../preload/contract/channels';
import type { SyncStatus } from '../../../../preload/contract/syncTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/**
 * The sync's state, asked again each time main says it moved; and another device's changes
 * passed on to the panes that show them (an open article among them re-fetches).
 */
export function useSyncStatus(): { status: SyncStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const { changed } = useLibraryEvents();
  const refresh = useCallback(() => {
    void pizhu.getSyncStatus().then((result) => {
      if (result.ok) setStatus(result.value);
    });
  }, []);

  useEffect(() => {
    refresh();
    const onChanged = () =>
      void pizhu.takeSyncChanges().then((result) => {
        if (!result.ok) return;
        if (result.value.library) changed();
        else if (result.value.articleIds.length > 0) changed(result.value.articleIds);
      });
    window.addEventListener(syncStatusEvent, refresh);
    window.addEventListener(syncChangedEvent, onChanged);
    return () => {
      window.removeEventListener(syncStatusEvent, refresh);
      window.removeEventListener(syncChangedEvent, onChanged);
    };
  }, [refresh, changed]);

  return { status, refresh };
}
