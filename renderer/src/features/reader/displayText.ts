import { createConverter } from '../../../../preload/common/createConverter';
import type { OffsetMap } from '../../../../preload/common/offsetMap';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import type { OverrideRule } from '../../../../preload/common/termOverrides';
import type { DetectedScript, ParagraphView, SourceRegion } from '../../../../preload/contract/articleTypes';
import { toFullWidthPunctuation } from './fullWidthPunctuation';

/** A paragraph as shown: the text in the chosen script, and its map to the canonical text. */
export interface DisplayText {
  text: string;
  /** Canonical <-> display offsets. Full-width punctuation keeps offsets, so the conversion's map serves. */
  map: OffsetMap;
}

export interface DisplayOptions {
  script: DetectedScript;
  /** Where the article comes from (conversionTable.ts); without it traditional text reads as OpenCC standard. */
  region?: SourceRegion;
  mode: ScriptMode;
  fullWidthPunctuation: boolean;
  /** The library's term overrides (overridesStore); one array per version of the list, which the caches key on. */
  overrides?: readonly OverrideRule[];
}

/** One text in the display script. The converter is cached: only its first use builds dictionaries. */
export function displayText(text: string, options: DisplayOptions): DisplayText {
  const { text: converted, map } = createConverter(
    options.script,
    options.mode,
    options.region,
    options.overrides,
  ).convert(text);
  return { text: options.fullWidthPunctuation ? toFullWidthPunctuation(converted) : converted, map };
}

/** The language tag of text shown in `mode`, so the font stack picks the glyph forms of the shown script and region. */
export function displayLang(script: DetectedScript, mode: ScriptMode): string {
  switch (mode) {
    case 'original':
      return script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
    case 'cn':
      return 'zh-Hans';
    case 't':
      return 'zh-Hant';
    case 'tw':
    case 'twp':
      return 'zh-Hant-TW';
    case 'hk':
      return 'zh-Hant-HK';
  }
}

/**
 * Converted paragraphs by display options, then by canonical text: switching back to a mode, or
 * re-rendering after an annotation (which fetches the article again), converts nothing twice.
 */
const cache = new Map<string, Map<string, DisplayText>>();
const maxCachedPerOptions = 20_000;
/** Display options kept at once: an override added or undone makes a new list, and the old ones' texts go. */
const maxCachedOptions = 16;

/** A number per overrides list, for the cache key: a changed list is a new array. */
const overridesIds = new WeakMap<readonly OverrideRule[], number>();
let nextOverridesId = 1;
function overridesKey(overrides: readonly OverrideRule[] | undefined): number {
  if (!overrides || overrides.length === 0) return 0;
  let id = overridesIds.get(overrides);
  if (id === undefined) overridesIds.set(overrides, (id = nextOverridesId++));
  return id;
}

/** Every paragraph's display text, by paragraph id. */
export function displayParagraphs(
  paragraphs: readonly ParagraphView[],
  options: DisplayOptions,
): ReadonlyMap<number, DisplayText> {
  const key = `${options.script}|${options.region ?? 'generic'}|${options.mode}|${options.fullWidthPunctuation ? 'w' : 'h'}|${overridesKey(options.overrides)}`;
  let byText = cache.get(key);
  if (!byText && cache.size >= maxCachedOptions) cache.clear();
  if (!byText || byText.size > maxCachedPerOptions) cache.set(key, (byText = new Map<string, DisplayText>()));
  const out = new Map<number, DisplayText>();
  for (const p of paragraphs) {
    let shown = byText.get(p.text);
    if (!shown) byText.set(p.text, (shown = displayText(p.text, options)));
    out.set(p.id, shown);
  }
  return out;
}
