import type { Catalog } from '../../i18n/locales';

type Key = 'highlightTags' | 'taggedHighlight';

/** The paragraph margin's list of its highlights' tags. */
export const highlightTagMessages: Catalog<Key> = {
  'zh-Hans': { highlightTags: '本段高亮的标签', taggedHighlight: '高亮“{quote}”的标签' },
  'zh-Hant': { highlightTags: '本段標示的標籤', taggedHighlight: '標示「{quote}」的標籤' },
  en: { highlightTags: 'Tags on highlights in this paragraph', taggedHighlight: 'Tag of the highlight “{quote}”' },
};
