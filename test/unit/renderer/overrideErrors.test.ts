import { describe, expect, it } from 'vitest';
import type { TermListSkipReason } from '../../../preload/contract/termOverrideTypes';
import { formatMessage, type MessageVars } from '../../../renderer/src/i18n/formatMessage';
import { uiLocales } from '../../../renderer/src/i18n/locales';
import { overridesMessages } from '../../../renderer/src/features/overrides/messages';
import { overrideErrorText, skipReasonText } from '../../../renderer/src/features/overrides/overrideErrors';

type Key = keyof (typeof overridesMessages)['en'];
const translator = (locale: (typeof uiLocales)[number]) => (key: Key, vars?: MessageVars) =>
  formatMessage(overridesMessages[locale][key], vars, locale);

const reasons: TermListSkipReason[] = [
  'wrong-columns',
  'empty-field',
  'bad-mode',
  'too-long',
  'bad-text',
  'duplicate',
  'conflict',
  'too-many',
];

describe('a refused conversion or term list is worded in the interface language', () => {
  it('names a conflicting conversion by its stored text, in every language', () => {
    const error = { code: 'override-conflict' as const, message: 'An override of this source exists', detail: '3' };
    expect(overrideErrorText(translator('en'), error, '心理发展')).toBe(
      'There is a conversion of “心理发展” in one of these scripts already: edit that one.',
    );
    expect(overrideErrorText(translator('zh-Hans'), error, '心理发展')).toBe(
      '这些写法中已有“心理发展”的转换：请编辑那一条。',
    );
    expect(overrideErrorText(translator('zh-Hant'), error, '心理发展')).toBe(
      '這些寫法中已有「心理发展」的轉換：請編輯那一條。',
    );
  });

  it('words each file a term list import refuses, and falls back to main’s sentence for any other code', () => {
    for (const locale of uiLocales) {
      for (const code of ['decode-failed', 'file-too-large', 'unsupported-file', 'empty-file'] as const) {
        const text = overrideErrorText(translator(locale), { code, message: 'main said so' });
        expect(text).not.toBe('main said so');
        expect(text).not.toContain('{');
      }
      expect(overrideErrorText(translator(locale), { code: 'not-found', message: 'main said so' })).toBe(
        'main said so',
      );
    }
  });

  it('gives every skipped line’s reason words of its own in every language', () => {
    for (const locale of uiLocales) {
      const texts = reasons.map((r) => skipReasonText(translator(locale), r));
      expect(new Set(texts).size).toBe(reasons.length);
    }
    expect(skipReasonText(translator('en'), 'bad-mode')).toBe('scripts must be cn, t, tw, twp or hk');
  });
});
