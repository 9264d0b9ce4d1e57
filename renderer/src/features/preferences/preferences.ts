import { isReadingAid, type ReadingAid } from '../../../../preload/common/readingAids';
import { isScriptMode, type ScriptMode } from '../../../../preload/common/scriptModes';
import { isUiLocale, localeFromSystem, type UiLocale } from '../../i18n/locales';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** How the library pane orders articles: newest published first, by title, or last opened first. */
export const librarySorts = ['date', 'title', 'opened'] as const;
export type LibrarySort = (typeof librarySorts)[number];

/** How wide the reading column may grow: a line length, not a window size. */
export const readingWidths = ['narrow', 'medium', 'wide'] as const;
export type ReadingWidth = (typeof readingWidths)[number];

const isOneOf = <T extends string>(values: readonly T[], x: unknown): x is T =>
  typeof x === 'string' && (values as readonly string[]).includes(x);

export interface Preferences {
  defaultScriptMode: ScriptMode;
  /** Per article, the mode the reader last chose for it. */
  scriptModeByArticle: Record<string, ScriptMode>;
  /** Per article, the reading aid (pinyin or zhuyin over every word or the vocabulary's); none: off. */
  readingAidByArticle: Record<string, ReadingAid>;
  fontSize: number;
  lineHeight: number;
  fullWidthPunctuation: boolean;
  theme: Theme;
  uiLocale: UiLocale;
  /** True until the person picks a language: uiLocale then follows the system's on every start. */
  followSystemLocale: boolean;
  librarySort: LibrarySort;
  readingWidth: ReadingWidth;
  /** The person hid the library pane (button or Ctrl+\); kept across starts. */
  libraryCollapsed: boolean;
}

export const fontSizes = { min: 14, max: 28, step: 1 };
export const lineHeights = { min: 1.4, max: 2.4, step: 0.1 };

export function defaultPreferences(languages: readonly string[]): Preferences {
  return {
    defaultScriptMode: 'original',
    scriptModeByArticle: {},
    readingAidByArticle: {},
    fontSize: 19,
    lineHeight: 1.9,
    fullWidthPunctuation: false,
    theme: 'system',
    uiLocale: localeFromSystem(languages),
    followSystemLocale: true,
    librarySort: 'date',
    readingWidth: 'medium',
    libraryCollapsed: false,
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
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return defaults;
    raw = parsed as Record<string, unknown>;
  } catch {
    return defaults;
  }
  const byArticle: Record<string, ScriptMode> = {};
  if (
    typeof raw.scriptModeByArticle === 'object' &&
    raw.scriptModeByArticle !== null &&
    !Array.isArray(raw.scriptModeByArticle)
  ) {
    for (const [id, mode] of Object.entries(raw.scriptModeByArticle)) if (isScriptMode(mode)) byArticle[id] = mode;
  }
  const readingAids: Record<string, ReadingAid> = {};
  if (typeof raw.readingAidByArticle === 'object' && raw.readingAidByArticle !== null) {
    for (const [id, aid] of Object.entries(raw.readingAidByArticle)) {
      if (isReadingAid(aid)) readingAids[id] = { script: aid.script, scope: aid.scope };
    }
  }
  // Without the flag (stored before it existed) a stored language counts as chosen.
  const followSystemLocale = raw.followSystemLocale === true || !isUiLocale(raw.uiLocale);
  return {
    defaultScriptMode: isScriptMode(raw.defaultScriptMode) ? raw.defaultScriptMode : defaults.defaultScriptMode,
    scriptModeByArticle: byArticle,
    readingAidByArticle: readingAids,
    fontSize: clamp(raw.fontSize, fontSizes.min, fontSizes.max, defaults.fontSize),
    lineHeight: clamp(raw.lineHeight, lineHeights.min, lineHeights.max, defaults.lineHeight),
    fullWidthPunctuation: typeof raw.fullWidthPunctuation === 'boolean' ? raw.fullWidthPunctuation : false,
    theme: isOneOf(themes, raw.theme) ? raw.theme : defaults.theme,
    uiLocale: !followSystemLocale && isUiLocale(raw.uiLocale) ? raw.uiLocale : defaults.uiLocale,
    followSystemLocale,
    librarySort: isOneOf(librarySorts, raw.librarySort) ? raw.librarySort : defaults.librarySort,
    readingWidth: isOneOf(readingWidths, raw.readingWidth) ? raw.readingWidth : defaults.readingWidth,
    libraryCollapsed: raw.libraryCollapsed === true,
  };
}
