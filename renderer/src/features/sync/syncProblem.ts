import type { SyncStatus } from '../../../../preload/contract/syncTypes';
import type { syncMessages } from './messages';

type Key = keyof (typeof syncMessages)['en'];

/** A sync failure in the person's language, by its code (main's message is the detail). */
export function syncProblemText(
  problem: NonNullable<SyncStatus['problem']>,
  t: (key: Key, vars?: Record<string, string | number>) => string,
): string {
  const detail = problem.message;
  switch (problem.code) {
    case 'sync-unreachable':
      return t('errorUnreachable', { detail });
    case 'sync-refused':
      return t('errorRefused');
    case 'sync-timeout':
      return t('errorTimeout');
    case 'library-too-new':
      return t('errorTooNew');
    case 'sync-server-too-old':
      return t('errorServerTooOld');
    case 'sync-refused-update':
      return t('errorRefusedUpdate', { detail });
    case 'invalid-argument':
      return t('errorInvalid', { detail });
    default:
      return t('errorOther', { detail });
  }
}
