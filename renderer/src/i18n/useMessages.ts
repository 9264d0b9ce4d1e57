import { useCallback } from 'react';
import { usePreferences } from '../features/preferences/PreferencesContext';
import { formatMessage, type MessageVars } from './formatMessage';
import type { Catalog } from './locales';

/**
 * The current UI language's messages of one catalog, as a function that changes identity only
 * when the language does (safe in effect dependencies).
 * Usage: const t = useMessages(readerMessages); t('hiddenLines', { count: 3 }).
 */
export function useMessages<K extends string>(catalog: Catalog<K>) {
  const { preferences } = usePreferences();
  const locale = preferences.uiLocale;
  const messages = catalog[locale];
  return useCallback((key: K, vars?: MessageVars): string => formatMessage(messages[key], vars, locale), [messages, locale]);
}
