import { describe, expect, it } from 'vitest';
import { defaultPreferences, readPreferences } from '../../../renderer/src/features/preferences/preferences';

const zhCN = ['zh-CN', 'en-US'];

describe('readPreferences', () => {
  it('gives the defaults, in the system language, when nothing is stored', () => {
    expect(readPreferences(null, zhCN)).toEqual(defaultPreferences(zhCN));
    expect(readPreferences(null, ['zh-TW']).uiLocale).toBe('zh-Hant');
    expect(readPreferences(null, ['fr-FR']).uiLocale).toBe('en');
  });

  it('falls back to the defaults on bad JSON or a stored value that is not an object', () => {
    for (const stored of ['{', 'not json', '', 'null', '42', '"dark"', '[1,2]', 'true']) {
      expect(readPreferences(stored, zhCN)).toEqual(defaultPreferences(zhCN));
    }
  });

  it('keeps every good value', () => {
    const stored = {
      defaultScriptMode: 'twp',
      scriptModeByArticle: { '3': 'hk', '7': 'cn' },
      readingAidByArticle: { '3': { script: 'zhuyin', scope: 'unknown' }, '8': { script: 'pinyin', scope: 'all' } },
      fontSize: 22,
      lineHeight: 2.1,
      fullWidthPunctuation: true,
      theme: 'dark',
      uiLocale: 'zh-Hant',
      followSystemLocale: false,
      librarySort: 'title',
      readingWidth: 'wide',
      libraryCollapsed: true,
    };
    expect(readPreferences(JSON.stringify(stored), zhCN)).toEqual(stored);
  });

  it('replaces unknown or ill-typed values one by one, keeping the rest', () => {
    const stored = JSON.stringify({
      defaultScriptMode: 'klingon',
      scriptModeByArticle: { '1': 'tw', '2': 'nope', '3': 5 },
      readingAidByArticle: { '1': { script: 'pinyin', scope: 'all', extra: 1 }, '2': { script: 'ipa', scope: 'all' }, '3': 'pinyin' },
      fontSize: '22',
      lineHeight: null,
      fullWidthPunctuation: 'yes',
      theme: 'sepia',
      uiLocale: 'fr',
      librarySort: 'random',
      readingWidth: 'huge',
      libraryCollapsed: 'yes',
      somethingElse: 1,
    });
    expect(readPreferences(stored, zhCN)).toEqual({
      ...defaultPreferences(zhCN),
      scriptModeByArticle: { '1': 'tw' },
      readingAidByArticle: { '1': { script: 'pinyin', scope: 'all' } },
    });
  });

  it('clamps sizes into their range and refuses non-finite numbers', () => {
    expect(readPreferences(JSON.stringify({ fontSize: 400, lineHeight: 0.5 }), zhCN)).toMatchObject({
      fontSize: 28,
      lineHeight: 1.4,
    });
    expect(readPreferences('{"fontSize": 1e999}', zhCN).fontSize).toBe(defaultPreferences(zhCN).fontSize);
  });

  it('follows the system language until one is chosen', () => {
    const following = JSON.stringify({ uiLocale: 'en', followSystemLocale: true });
    expect(readPreferences(following, zhCN)).toMatchObject({ uiLocale: 'zh-Hans', followSystemLocale: true });
    const chosen = JSON.stringify({ uiLocale: 'en', followSystemLocale: false });
    expect(readPreferences(chosen, zhCN)).toMatchObject({ uiLocale: 'en', followSystemLocale: false });
    // Stored before the flag existed: the stored language was a choice.
    expect(readPreferences(JSON.stringify({ uiLocale: 'zh-Hant' }), zhCN)).toMatchObject({
      uiLocale: 'zh-Hant',
      followSystemLocale: false,
    });
    // scriptModeByArticle as an array is not a map of articles.
    expect(readPreferences(JSON.stringify({ scriptModeByArticle: ['tw'] }), zhCN).scriptModeByArticle).toEqual({});
  });
});
