import { localePair, type OpenccLocale } from '../../../../preload/common/createConverter';
import { scriptModes } from '../../../../preload/common/scriptModes';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';

export const detectedScripts: DetectedScript[] = ['simplified', 'traditional', 'mixed', 'unknown'];

/** Every distinct opencc-js conversion the app uses, from the (script, mode) table. */
export const appConversionPairs = [
  ...new Map(
    detectedScripts
      .flatMap((s) => scriptModes.map((m) => localePair(s, m)))
      .filter((p): p is readonly [OpenccLocale, OpenccLocale] => p !== null)
      .map((p) => [p.join('>'), p] as const),
  ).values(),
];
