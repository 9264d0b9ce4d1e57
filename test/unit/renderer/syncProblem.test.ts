import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageVars } from '../../../renderer/src/i18n/formatMessage';
import { type uiLocales } from '../../../renderer/src/i18n/locales';
import { syncMessages } from '../../../renderer/src/features/sync/messages';
import { syncProblemText } from '../../../renderer/src/features/sync/syncProblem';

type Key = keyof (typeof syncMessages)['en'];
const translator = (locale: (typeof uiLocales)[number]) => (key: Key, vars?: MessageVars) =>
  formatMessage(syncMessages[locale][key], vars, locale);

describe('the Sync pane words a version mismatch and a refused change in the interface language', () => {
  it('says which side to update when the server and this Pizhu speak different sync models', () => {
    const newer = {
      code: 'library-too-new' as const,
      message: 'The sync server at wss://x is from a newer Pizhu …',
      retryAt: null,
    };
    const older = {
      code: 'sync-server-too-old' as const,
      message: 'The sync server at wss://x is from an older Pizhu …',
      retryAt: null,
    };
    expect(syncProblemText(newer, translator('en'))).toBe(
      'The sync server or its data is from a newer Pizhu: update Pizhu first.',
    );
    expect(syncProblemText(older, translator('en'))).toBe(
      'The sync server is from an older Pizhu and cannot sync with this one: ask whoever runs it to update it. Nothing in this library changed.',
    );
    expect(syncProblemText(older, translator('zh-Hans'))).toBe(
      '同步服务器来自较旧版本的批注 Pizhu，无法与这个版本同步：请运行服务器的人更新它。这个文库没有任何改动。',
    );
    expect(syncProblemText(older, translator('zh-Hant'))).toBe(
      '同步伺服器來自較舊版本的批注 Pizhu，無法與這個版本同步：請執行伺服器的人更新它。這個文庫沒有任何改動。',
    );
  });

  it('names what the server refused, with its reason', () => {
    const refused = {
      code: 'sync-refused-update' as const,
      message:
        'The sync server at wss://x refused: An update of "article/a" of 70.0 MB is over this server\'s limit of 64.0 MB; nothing of it was stored.',
      retryAt: null,
    };
    expect(syncProblemText(refused, translator('en'))).toBe(
      `The sync server refused a change from this computer: ${refused.message}`,
    );
    expect(syncProblemText(refused, translator('zh-Hans'))).toBe(
      `同步服务器拒收了这台电脑的一项更改：${refused.message}`,
    );
  });
});
