import { useCallback, useEffect } from 'react';
import { createConverter } from '../../../../preload/common/createConverter';
import { scriptModes, type ScriptMode } from '../../../../preload/common/scriptModes';
import type { DetectedScript, SourceRegion } from '../../../../preload/contract/articleTypes';
import { flushPendingNotes } from '../notes/pendingNotes';
import { usePreferences } from '../preferences/PreferencesContext';

/** The article's script mode: its own remembered choice, else the default from preferences. */
export function useScriptMode(articleId: number) {
  const { preferences, update } = usePreferences();
  const mode = preferences.scriptModeByArticle[String(articleId)] ?? preferences.defaultScriptMode;
  const byArticle = preferences.scriptModeByArticle;

  const setMode = useCallback(
    (next: ScriptMode) => {
      // Notes typed a moment ago are saved before the text around them changes.
      void flushPendingNotes().then(() => update({ scriptModeByArticle: { ...byArticle, [String(articleId)]: next } }));
    },
    [articleId, byArticle, update],
  );

  const cycleMode = useCallback(() => {
    const i = scriptModes.indexOf(mode);
    setMode(scriptModes[(i + 1) % scriptModes.length] ?? 'original');
  }, [mode, setMode]);

  return { mode, setMode, cycleMode };
}

/**
 * Builds the converters for the other modes while the window is idle, one per idle slot,
 * after the article has painted: switching mode is then instant, and first paint never waits.
 */
export function usePrepareConverters(script: DetectedScript, region?: SourceRegion) {
  useEffect(() => {
    const pending = scriptModes.filter((m) => m !== 'original');
    let handle = 0;
    const step = () => {
      const next = pending.shift();
      if (next === undefined) return;
      createConverter(script, next, region).prepare();
      handle = window.requestIdleCallback(step, { timeout: 3000 });
    };
    handle = window.requestIdleCallback(step, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }, [script, region]);
}
