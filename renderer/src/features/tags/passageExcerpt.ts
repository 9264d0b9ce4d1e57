import type { TaggedPassage } from '../../../../preload/contract/annotationTypes';

/** A passage as shown: context before, the marked quote, context after; `…` where cut. */
export interface PassageExcerpt {
  before: string;
  marked: string;
  after: string;
}

/** Characters of paragraph shown either side of a highlight, and of a whole tagged paragraph. */
const contextLength = 70;
const paragraphLength = 220;

const isLowSurrogate = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Moves a cut off the middle of a surrogate pair, so no half character is ever shown. */
const safeCut = (text: string, i: number) => (i > 0 && i < text.length && isLowSurrogate(text, i) ? i - 1 : i);

/**
 * The paragraph around a passage, trimmed to a readable length. A highlight is marked inside
 * its paragraph (offsets are canonical, as the paragraph text here is); an orphan, having no
 * paragraph, shows its stored quote with the prefix and suffix it was saved with.
 */
export function passageExcerpt(passage: TaggedPassage): PassageExcerpt {
  const { highlight, paragraphText } = passage;
  if (!highlight) {
    const text = paragraphText ?? '';
    const cut = safeCut(text, paragraphLength);
    return { before: text.length > paragraphLength ? `${text.slice(0, cut)}…` : text, marked: '', after: '' };
  }
  if (paragraphText === null || highlight.start === null || highlight.end === null) {
    return { before: highlight.prefix, marked: highlight.quote, after: highlight.suffix };
  }
  const from = safeCut(paragraphText, Math.max(0, highlight.start - contextLength));
  const to = safeCut(paragraphText, Math.min(paragraphText.length, highlight.end + contextLength));
  return {
    before: (from > 0 ? '…' : '') + paragraphText.slice(from, highlight.start),
    marked: paragraphText.slice(highlight.start, highlight.end),
    after: paragraphText.slice(highlight.end, to) + (to < paragraphText.length ? '…' : ''),
  };
}
