/** Display scripts (DESIGN §4). The same names in the API, the CLI and the preferences. */

export type { DetectedScript } from '../contract/articleTypes';

export const scriptModes = ['original', 'cn', 't', 'tw', 'twp', 'hk'] as const;
export type ScriptMode = (typeof scriptModes)[number];

/** Labels for the mode picker, each written in the script it selects. */
export const scriptModeLabels: Readonly<Record<ScriptMode, string>> = {
  original: '原文',
  cn: '简体',
  t: '繁體',
  tw: '臺灣',
  twp: '臺灣(詞彙)',
  hk: '香港',
};

export function isScriptMode(x: unknown): x is ScriptMode {
  return typeof x === 'string' && (scriptModes as readonly string[]).includes(x);
}
