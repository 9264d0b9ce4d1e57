export const uiLocales = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type UiLocale = (typeof uiLocales)[number];

export const uiLocaleNames: Record<UiLocale, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

/** The system language picks the first UI language; preferences can override it. */
export function localeFromSystem(languages: readonly string[]): UiLocale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Messages for one feature, in every UI language; each feature keeps its own catalog beside its code. */
export type Catalog<K extends string> = Record<UiLocale, Record<K, string>>;
