/**
 * The regional forms of one word, for the variant panel (issue #15, a translator's own
 * conversions): what OpenCC makes of it in each display script. The word is read as the article
 * stores it, through the same conversion table the reader uses (its script and source region),
 * so a Taiwan article's 計程車 reads 出租车 in 简体 as it does on screen. Overrides are left out:
 * the panel shows what OpenCC's own dictionaries say, which is what a person overrides.
 */

import type { DetectedScript } from '../contract/articleTypes';
import type { SourceRegion } from './conversionTable';
import { createConverter } from './createConverter';
import type { ScriptMode } from './scriptModes';

/** The scripts the panel lists, in its order: mainland, OpenCC standard, Taiwan, Taiwan phrases, Hong Kong. */
export const variantModes = ['cn', 't', 'tw', 'twp', 'hk'] as const satisfies readonly ScriptMode[];
export type VariantMode = (typeof variantModes)[number];

export interface WordVariant {
  mode: VariantMode;
  text: string;
}

/** The word (as stored in an article of `script` from `region`) in every script of variantModes. */
export function wordVariants(word: string, script: DetectedScript, region: SourceRegion = 'generic'): WordVariant[] {
  return variantModes.map((mode) => ({ mode, text: createConverter(script, mode, region).convert(word).text }));
}

/** The distinct forms among the variants, in panel order, each with the scripts that write it so. */
export function distinctForms(variants: readonly WordVariant[]): Array<{ text: string; modes: VariantMode[] }> {
  const forms: Array<{ text: string; modes: VariantMode[] }> = [];
  for (const v of variants) {
    const found = forms.find((f) => f.text === v.text);
    if (found) found.modes.push(v.mode);
    else forms.push({ text: v.text, modes: [v.mode] });
  }
  return forms;
}
