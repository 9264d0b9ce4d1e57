export const uiLocales = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type UiLocale = (typeof uiLocales)[number];

export function isUiLocale(x: unknown): x is UiLocale {
  return typeof x === 'string' && (uiLocales as readonly string[]).includes(x);
}

/** Each language named in itself, so a person who switched by mistake can find the way back. */
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

/**
 * Messages for one feature, in every UI language; each feature keeps its own catalog beside
 * its code (features/x/messages.ts) and reads it with `useMessages(catalog)`; main's menus and
 * dialogs keep theirs in main/app/mainMessages.ts.
 *
 * Templates: `{name}` is filled from the vars; `{count, plural, one {# note} other {# notes}}`
 * picks a branch by the language's plural rules, `#` being the number.
 */
export type Catalog<K extends string> = Record<UiLocale, Record<K, string>>;

/**
 * Declares a catalog without listing its keys twice: the keys are inferred, and a key missing
 * from (or extra in) one language is a type error.
 *
 *   export const readerMessages = defineCatalog({
 *     'zh-Hans': { hiddenLines: '{count} 行已隐藏' },
 *     'zh-Hant': { hiddenLines: '{count} 行已隱藏' },
 *     en: { hiddenLines: '{count, plural, one {# hidden line} other {# hidden lines}}' },
 *   });
 */
export function defineCatalog<K extends string>(catalog: Catalog<K>): Catalog<K> {
  return catalog;
}
