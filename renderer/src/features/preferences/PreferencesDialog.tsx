import { useId } from 'react';
import { scriptModeLabels, scriptModes, type ScriptMode } from '../../../../preload/common/scriptModes';
import { localeFromSystem, uiLocaleNames, uiLocales, type UiLocale } from '../../i18n/locales';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { toFullWidthPunctuation } from '../reader/fullWidthPunctuation';
import { OverridesRow } from '../overrides/OverridesRow';
import { AboutSection } from '../about/AboutSection';
import { MemberSection } from '../team/MemberSection';
import { usePreferences } from './PreferencesContext';
import {
  defaultPreferences,
  fontSizes,
  lineHeights,
  readingWidths,
  themes,
  type ReadingWidth,
  type Theme,
} from './preferences';
import { preferencesMessages } from './messages';
import './preferences.css';

const themeLabel = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const;
const widthLabel = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' } as const;
const modeLang = (mode: ScriptMode) => (mode === 'cn' ? 'zh-Hans' : mode === 'original' ? 'zh' : 'zh-Hant');

/**
 * Reading and interface preferences. Every change applies at once (the reader behind the
 * dialog follows it) and is kept; there is nothing to save.
 */
export function PreferencesDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages(preferencesMessages);
  const { preferences: p, update } = usePreferences();
  const id = useId();
  const systemLocale = localeFromSystem(navigator.languages);
  const sample = p.fullWidthPunctuation ? toFullWidthPunctuation(t('sample')) : t('sample');

  const restoreDefaults = () => {
    // The language and the per-article choices are the person's, not a look: they stay.
    const { fontSize, lineHeight, fullWidthPunctuation, theme, defaultScriptMode, readingWidth } = defaultPreferences(
      navigator.languages,
    );
    update({ fontSize, lineHeight, fullWidthPunctuation, theme, defaultScriptMode, readingWidth });
  };

  return (
    <Dialog title={t('title')} onClose={onClose} className="preferences-dialog">
      <section className="preferences-section" aria-labelledby={`${id}-reading`}>
        <h3 id={`${id}-reading`}>{t('reading')}</h3>
        <div className="preference-row">
          <label htmlFor={`${id}-mode`}>{t('defaultScriptMode')}</label>
          <select
            id={`${id}-mode`}
            className="field"
            value={p.defaultScriptMode}
            aria-describedby={`${id}-mode-hint`}
            onChange={(e) => update({ defaultScriptMode: scriptModes.find((m) => m === e.target.value) ?? 'original' })}
          >
            {scriptModes.map((mode) => (
              <option key={mode} value={mode} lang={modeLang(mode)}>
                {scriptModeLabels[mode]}
              </option>
            ))}
          </select>
        </div>
        <p id={`${id}-mode-hint`} className="field-hint">
          {t('defaultScriptModeHint')}
        </p>
        <div className="preference-row">
          <label htmlFor={`${id}-size`}>{t('fontSize')}</label>
          <input
            id={`${id}-size`}
            type="range"
            min={fontSizes.min}
            max={fontSizes.max}
            step={fontSizes.step}
            value={p.fontSize}
            aria-valuetext={t('fontSizeValue', { size: p.fontSize })}
            onChange={(e) => update({ fontSize: Number(e.target.value) })}
          />
          {/* The slider already tells assistive technology its value. */}
          <span className="preference-value" aria-hidden="true">
            {p.fontSize}
          </span>
        </div>
        <div className="preference-row">
          <label htmlFor={`${id}-leading`}>{t('lineHeight')}</label>
          <input
            id={`${id}-leading`}
            type="range"
            min={lineHeights.min}
            max={lineHeights.max}
            step={lineHeights.step}
            value={p.lineHeight}
            onChange={(e) => update({ lineHeight: Math.round(Number(e.target.value) * 10) / 10 })}
          />
          <span className="preference-value" aria-hidden="true">
            {p.lineHeight.toFixed(1)}
          </span>
        </div>
        <div className="preference-row">
          <span id={`${id}-width`}>{t('readingWidth')}</span>
          <div role="radiogroup" aria-labelledby={`${id}-width`} className="theme-choice">
            {readingWidths.map((readingWidth: ReadingWidth) => (
              <label key={readingWidth}>
                <input
                  type="radio"
                  name={`${id}-width`}
                  value={readingWidth}
                  checked={p.readingWidth === readingWidth}
                  onChange={() => update({ readingWidth })}
                />
                {t(widthLabel[readingWidth])}
              </label>
            ))}
          </div>
        </div>
        <label className="preference-check">
          <input
            type="checkbox"
            checked={p.fullWidthPunctuation}
            aria-describedby={`${id}-punct-hint`}
            onChange={(e) => update({ fullWidthPunctuation: e.target.checked })}
          />
          <span>{t('fullWidthPunctuation')}</span>
        </label>
        <p id={`${id}-punct-hint`} className="field-hint check-hint">
          {t('fullWidthPunctuationHint')}
        </p>
        <figure className="preferences-preview" aria-label={t('preview')}>
          <p lang={p.uiLocale === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans'}>{sample}</p>
        </figure>
        <OverridesRow />
      </section>

      <section className="preferences-section" aria-labelledby={`${id}-appearance`}>
        <h3 id={`${id}-appearance`}>{t('appearance')}</h3>
        <div className="preference-row">
          <span id={`${id}-theme`}>{t('theme')}</span>
          <div role="radiogroup" aria-labelledby={`${id}-theme`} className="theme-choice">
            {themes.map((theme: Theme) => (
              <label key={theme}>
                <input
                  type="radio"
                  name={`${id}-theme`}
                  value={theme}
                  checked={p.theme === theme}
                  onChange={() => update({ theme })}
                />
                {t(themeLabel[theme])}
              </label>
            ))}
          </div>
        </div>
        <div className="preference-row">
          <label htmlFor={`${id}-locale`}>{t('language')}</label>
          <select
            id={`${id}-locale`}
            className="field"
            value={p.followSystemLocale ? 'system' : p.uiLocale}
            onChange={(e) => {
              const chosen = uiLocales.find((l: UiLocale) => l === e.target.value);
              update(
                chosen
                  ? { uiLocale: chosen, followSystemLocale: false }
                  : { uiLocale: systemLocale, followSystemLocale: true },
              );
            }}
          >
            <option value="system">{t('languageSystem', { name: uiLocaleNames[systemLocale] })}</option>
            {uiLocales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {uiLocaleNames[locale]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <MemberSection />

      <AboutSection />

      <div className="dialog-actions">
        <button type="button" className="button" onClick={restoreDefaults}>
          {t('reset')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('done')}
        </button>
      </div>
    </Dialog>
  );
}
