import { usePreferences } from '../features/preferences/PreferencesContext';
import type { Catalog } from './locales';

/**
 * The current UI language's messages of one catalog. `{name}` placeholders are filled from `vars`.
 * Usage: const t = useMessages(readerMessages); t('hiddenLines', { count: 3 }).
 */
export function useMessages<K extends string>(catalog: Catalog<K>) {
  const { preferences } = usePreferences();
  const messages = catalog[preferences.uiLocale];
  return (key: K, vars?: Record<string, string | number>): string => {
    const template = messages[key];
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}
