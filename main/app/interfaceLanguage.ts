import type { UiLocale } from '../../preload/common/uiLocales';
import { mainText, type MainText } from './mainMessages';

export interface InterfaceLanguage {
  locale: () => UiLocale;
  /** The current language's messages: read when a menu is built or a dialog opens, never kept. */
  text: () => MainText;
  /** The page says the person's language (at start and on every change); the same one again changes nothing. */
  set: (locale: UiLocale) => void;
}

/**
 * The person's interface language as main knows it: the system's at start (the page has not said
 * yet, and a library that cannot open is asked about before it can), then the page's preference.
 * `onChange` rebuilds what main has already drawn in the old one (the menu).
 */
export function interfaceLanguage(initial: UiLocale, onChange: (locale: UiLocale) => void): InterfaceLanguage {
  let current = initial;
  return {
    locale: () => current,
    text: () => mainText(current),
    set: (locale) => {
      if (locale === current) return;
      current = locale;
      onChange(locale);
    },
  };
}
