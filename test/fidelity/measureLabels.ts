/**
 * How one imported file does against our cleaning labels (cleaningLabels.ts): must-show snippets
 * visible, must-hide snippets leaked (visible), captions classified as captions. Shared by
 * `npm run fidelity` and the corpus test, so both measure the same way.
 */
import type { ParagraphKind } from '../../preload/contract/articleTypes';
import type { CleaningLabels } from './cleaningLabels';
import { fold } from './measureBody';

export interface LabelMeasure {
  shown: number;
  show: number;
  leaked: number;
  hide: number;
  captioned: number;
  captions: number;
  /** The snippets that failed, for the per-file detail. */
  notShown: string[];
  leakedSnippets: string[];
  notCaptions: string[];
}

/** A caption paragraph may carry a credit or a picture number beside the labelled words. */
const captionSlack = 30;

export interface MeasuredParagraph {
  kind: ParagraphKind;
  /** The reading text (raw minus removals). */
  text: string;
}

/**
 * A must-hide snippet leaks when a paragraph the reader shows (any kind but boilerplate) holds it
 * in its reading text; a caption counts when at least one paragraph is the caption (holds it,
 * with at most a credit's length more) and every such paragraph is a caption (a caption hidden,
 * or shown as body, does not count). Longer paragraphs that happen to hold the words (小温。 at
 * the end of a sentence) are not the caption.
 */
export function measureLabels(labels: CleaningLabels, paragraphs: readonly MeasuredParagraph[]): LabelMeasure {
  const folded = paragraphs.map((p) => ({ kind: p.kind, text: fold(p.text) }));
  const visible = folded.filter((p) => p.kind !== 'boilerplate');
  const visibleText = visible.map((p) => p.text).join('\n');
  const notShown = labels.show.filter((s) => !visibleText.includes(fold(s)));
  const leakedSnippets = labels.hide.filter((s) => visible.some((p) => p.text.includes(fold(s))));
  const notCaptions = labels.captions.filter((s) => {
    const caption = fold(s);
    const holders = folded.filter((p) => p.text.includes(caption) && p.text.length <= caption.length + captionSlack);
    return holders.length === 0 || holders.some((p) => p.kind !== 'caption');
  });
  return {
    shown: labels.show.length - notShown.length,
    show: labels.show.length,
    leaked: leakedSnippets.length,
    hide: labels.hide.length,
    captioned: labels.captions.length - notCaptions.length,
    captions: labels.captions.length,
    notShown,
    leakedSnippets,
    notCaptions,
  };
}

/** Sums of several files' measures. */
export function sumLabelMeasures(
  all: readonly LabelMeasure[],
): Omit<LabelMeasure, 'notShown' | 'leakedSnippets' | 'notCaptions'> {
  const sum = (key: 'shown' | 'show' | 'leaked' | 'hide' | 'captioned' | 'captions') =>
    all.reduce((n, m) => n + m[key], 0);
  return {
    shown: sum('shown'),
    show: sum('show'),
    leaked: sum('leaked'),
    hide: sum('hide'),
    captioned: sum('captioned'),
    captions: sum('captions'),
  };
}
