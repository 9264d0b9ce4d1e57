import { isScriptMode, type ScriptMode } from '../../../../preload/common/scriptModes';
import { localeFromSystem, uiLocales, type UiLocale } from '../../i18n/locales';

export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  defaultScriptMode: ScriptMode;
  /** Per article, the mode the reader last chose for it. */
  scriptModeByArticle: Record<string, ScriptMode>;
  fontSize: number;
  lineHeight: number;
  fullWidthPunctuation: boolean;
  theme: Theme;
  uiLocale: UiLocale;
}

export const fontSizes = { min: 14, max: 28 };
export const lineHeights = { min: 1.4, max: 2.4 };

export function defaultPreferences(languages: readonly string[]): Preferences {
  return {
    defaultScriptMode: 'original',
    scriptModeByArticle: {},
    fontSize: 19,
    lineHeight: 1.9,
    fullWidthPunctuation: false,
    theme: 'system',
    uiLocale: localeFromSystem(languages),
  };
}

const clamp = (n: unknown, lo: number, hi: number, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;

/** Stored preferences are read defensively: a bad or old value falls back to the default, never breaks the app. */
export function readPreferences(stored: string | null, languages: readonly string[]): Preferences {
  const defaults = defaultPreferences(languages);
  if (!stored) return defaults;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    raw = parsed as Record<string, unknown>;
  } catch {
    return defaults;
  }
  const byArticle: Record<string, ScriptMode> = {};
  if (typeof raw.scriptModeByArticle === 'object' && raw.scriptModeByArticle !== null) {
    for (const [id, mode] of Object.entries(raw.scriptModeByArticle)) if (isScriptMode(mode)) byArticle[id] = mode;
  }
  return {
    defaultScriptMode: isScriptMode(raw.defaultScriptMode) ? raw.defaultScriptMode : defaults.defaultScriptMode,
    scriptModeByArticle: byArticle,
    fontSize: clamp(raw.fontSize, fontSizes.min, fontSizes.max, defaults.fontSize),
    lineHeight: clamp(raw.lineHeight, lineHeights.min, lineHeights.max, defaults.lineHeight),
    fullWidthPunctuation: typeof raw.fullWidthPunctuation === 'boolean' ? raw.fullWidthPunctuation : false,
    theme: raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : defaults.theme,
    uiLocale: (uiLocales as readonly unknown[]).includes(raw.uiLocale) ? (raw.uiLocale as UiLocale) : defaults.uiLocale,
  };
}
