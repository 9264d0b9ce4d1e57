import { defineCatalog } from '../i18n/locales';

/** Strings of the shared UI primitives. */
export const uiMessages = defineCatalog({
  'zh-Hans': { close: '关闭' },
  'zh-Hant': { close: '關閉' },
  en: { close: 'Close' },
});
