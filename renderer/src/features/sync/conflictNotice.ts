import type { SyncConflict } from '../../../../preload/contract/syncTypes';
import type { syncMessages } from './messages';

type Key = keyof (typeof syncMessages)['en'];

/** The first line of a conflict: who changed the value on which device, or "another device" when nobody was recorded. */
export function conflictNoticeText(
  conflict: Pick<SyncConflict, 'changedBy'>,
  t: (key: Key, vars?: Record<string, string | number>) => string,
): string {
  return conflict.changedBy ? t('conflictNoticeBy', conflict.changedBy) : t('conflictNotice');
}
