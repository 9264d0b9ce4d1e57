import { useCallback } from 'react';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { DetectedScript, SourceRegion } from '../../../../preload/contract/articleTypes';
import { useTermOverrides } from '../overrides/overridesStore';
import { usePreferences } from '../preferences/PreferencesContext';
import { displayLang, displayText } from './displayText';

/** What the display needs to know of an article: which it is (its remembered mode) and its script. */
export interface ArticleScript {
  id: number;
  script: DetectedScript;
  /** Where it comes from; summaries and views carry it. Without it, traditional text reads as OpenCC standard. */
  region?: SourceRegion;
}

/**
 * An article's own words (title, source, a passage) outside the reader, shown in the script mode
 * the person reads that article in (its own choice, else the default): a list or a tag view in
 * the original script beside a reader in 繁體 is two scripts for one text. Display only: what is
 * stored, searched and filtered stays the article's own text. The library's term overrides apply, as in the reader.
 */
export function useReaderScript() {
  const { scriptModeByArticle, defaultScriptMode, fullWidthPunctuation } = usePreferences().preferences;
  const overrides = useTermOverrides();
  const modeOf = useCallback(
    (article: ArticleScript): ScriptMode => scriptModeByArticle[String(article.id)] ?? defaultScriptMode,
    [scriptModeByArticle, defaultScriptMode],
  );
  const show = useCallback(
    (article: ArticleScript, text: string) =>
      text === ''
        ? text
        : displayText(text, {
            script: article.script,
            region: article.region,
            mode: modeOf(article),
            fullWidthPunctuation,
            overrides,
          }).text,
    [modeOf, fullWidthPunctuation, overrides],
  );
  /** The shown text's language tag, so the font draws the shown script's and region's glyphs. */
  const langOf = useCallback((article: ArticleScript) => displayLang(article.script, modeOf(article)), [modeOf]);
  return { show, langOf };
}
