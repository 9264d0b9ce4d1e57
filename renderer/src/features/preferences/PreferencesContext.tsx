import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pizhu } from '../../api/pizhuClient';
import { readPreferences, type Preferences } from './preferences';

const storageKey = 'pizhu.preferences.v1';

interface PreferencesValue {
  preferences: Preferences;
  update: (changes: Partial<Preferences>) => void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

/** Reading preferences live in the renderer's own storage: they are per machine, not part of the library. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState(() =>
    readPreferences(window.localStorage.getItem(storageKey), navigator.languages),
  );

  const update = useCallback((changes: Partial<Preferences>) => {
    setPreferences((current) => {
      const next = { ...current, ...changes };
      window.localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--reading-size', `${preferences.fontSize}px`);
    root.style.setProperty('--reading-leading', String(preferences.lineHeight));
    root.dataset.theme = preferences.theme;
    root.dataset.readingWidth = preferences.readingWidth;
    root.lang = preferences.uiLocale;
  }, [preferences]);

  // Main's menus and dialogs speak the same language: told at start and at every change.
  const locale = preferences.uiLocale;
  useEffect(() => {
    void pizhu.setInterfaceLanguage({ locale });
  }, [locale]);

  const value = useMemo(() => ({ preferences, update }), [preferences, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
