import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../preload/contract/articleTypes';
import { formatMessage } from '../../../../preload/common/formatMessage';
import { uiLocales, type UiLocale } from '../../../../preload/common/uiLocales';
import { importMessages, type ImportMessageKey } from '../../../../renderer/src/features/import/messages';
import { reasonText } from '../../../../renderer/src/features/import/reasonText';

const inLocale = (locale: UiLocale) => (key: ImportMessageKey, vars?: Record<string, string | number>) =>
  formatMessage(importMessages[locale][key], vars, locale);

const message = '"photo.png" is not a file Pizhu can import (use .txt, .md, .html or .htm, or an RSS or Atom feed: .xml, .rss, .atom).';

describe("an import outcome's reason in the reader's language", () => {
  it('words each code in Chinese, with its parameters, instead of main’s English message', () => {
    const zh = inLocale('zh-Hans');
    expect(reasonText({ reason: { code: 'not-importable' }, message }, zh)).toBe(
      '不是可导入的文件类型（可导入 .txt、.md、.html 文件和 RSS/Atom 订阅源），已跳过',
    );
    expect(reasonText({ reason: { code: 'too-large', limitMb: 20 }, message: '"a.txt" is 31.0 MB' }, zh)).toBe(
      '文件超过 20 MB，未导入',
    );
    expect(reasonText({ reason: { code: 'feed-broken', line: 5 }, message: 'broken' }, zh)).toBe(
      '无法作为订阅源读取：第 5 行有误，未导入',
    );
    expect(reasonText({ reason: { code: 'feed-broken' }, message: 'not a feed' }, zh)).toBe('无法作为订阅源读取，未导入');
    expect(reasonText({ reason: { code: 'feed-too-many-items', items: 1002, limit: 1000 } }, inLocale('zh-Hant'))).toBe(
      '訂閱源有 1002 個項目，只匯入前 1000 個',
    );
    expect(reasonText({ reason: { code: 'undecodable' } }, inLocale('en'))).toBe(
      'its text encoding could not be recognised; not imported',
    );
  });

  it('has words for every code in all three catalogs, none left in English in Chinese', () => {
    const reasons: NonNullable<ImportOutcome['reason']>[] = [
      { code: 'not-importable' },
      { code: 'too-large', limitMb: 20 },
      { code: 'undecodable' },
      { code: 'no-text' },
      { code: 'feed-broken', line: 7 },
      { code: 'feed-broken' },
      { code: 'feed-no-items' },
      { code: 'feed-too-many-items', items: 3, limit: 2 },
      { code: 'not-found' },
    ];
    for (const locale of uiLocales) {
      for (const reason of reasons) {
        const text = reasonText({ reason, message }, inLocale(locale));
        expect(text).not.toBe(message);
        expect(text).not.toMatch(/[{}]/u);
        if (locale !== 'en') expect(text).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it('falls back to the English message for a code it does not know, or none', () => {
    const zh = inLocale('zh-Hans');
    const unknown = { reason: { code: 'from-a-newer-main' }, message } as unknown as ImportOutcome;
    expect(reasonText(unknown, zh)).toBe(message);
    expect(reasonText({ message: 'No article text was found in "a.html".' }, zh)).toBe('No article text was found in "a.html".');
  });
});
