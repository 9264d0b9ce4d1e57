import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageVars } from '../../../renderer/src/i18n/formatMessage';
import { type uiLocales } from '../../../renderer/src/i18n/locales';
import { syncMessages } from '../../../renderer/src/features/sync/messages';
import { conflictNoticeText } from '../../../renderer/src/features/sync/conflictNotice';

type Key = keyof (typeof syncMessages)['en'];
const translator = (locale: (typeof uiLocales)[number]) => (key: Key, vars?: MessageVars) =>
  formatMessage(syncMessages[locale][key], vars, locale);

describe('a conflict notice names who changed the value, in the interface language', () => {
  const named = { changedBy: { member: 'Lin', device: 'Lin’s laptop' } };

  it('names the member and the device that wrote the value that won', () => {
    expect(conflictNoticeText(named, translator('en'))).toBe(
      'Changed on Lin’s laptop by Lin at the same time as your change',
    );
    expect(conflictNoticeText(named, translator('zh-Hans'))).toBe('由 Lin 在“Lin’s laptop”上同时改动，覆盖了你的改动');
    expect(conflictNoticeText(named, translator('zh-Hant'))).toBe(
      '由 Lin 在「Lin’s laptop」上同時改動，覆蓋了你的改動',
    );
  });

  it('says "another device" for a value recorded before writers were', () => {
    expect(conflictNoticeText({ changedBy: null }, translator('en'))).toBe(
      'A change of yours was changed on another device at the same time',
    );
    expect(conflictNoticeText({ changedBy: null }, translator('zh-Hans'))).toBe('你的改动在另一台设备上被同时改掉了');
  });

  it('shows a name with braces as written, never as a placeholder', () => {
    const odd = { changedBy: { member: '{device}', device: '{member}' } };
    expect(conflictNoticeText(odd, translator('en'))).toBe(
      'Changed on {member} by {device} at the same time as your change',
    );
  });
});
