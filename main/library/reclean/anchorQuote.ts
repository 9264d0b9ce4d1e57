import DiffMatchPatch from 'diff-match-patch';

/** What a highlight remembers of where it was, enough to find it again in changed text. */
export interface QuoteAnchor {
  /** Index of the paragraph it was in, among the new paragraphs, when that paragraph survived. */
  hintParagraph: number | null;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface PlacedAnchor {
  paragraph: number;
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Bitap, as diff-match-patch implements it, works on patterns up to 32 characters. */
const bitapMax = 32;
/** A fuzzy match may differ from the quote in at most this share of its characters. */
const maxFuzzyDistance = 0.3;

/**
 * Finds a highlight again in re-cleaned paragraphs, the way web annotators do: the same
 * place, then the exact quote (best context wins), then a fuzzy quote. null means orphan.
 */
export function anchorQuote(anchor: QuoteAnchor, paragraphs: readonly string[]): PlacedAnchor | null {
  return byPosition(anchor, paragraphs) ?? byExactQuote(anchor, paragraphs) ?? byFuzzyQuote(anchor, paragraphs);
}

function byPosition(a: QuoteAnchor, paragraphs: readonly string[]): PlacedAnchor | null {
  if (a.hintParagraph === null) return null;
  const text = paragraphs[a.hintParagraph];
  if (text === undefined || text.slice(a.start, a.end) !== a.quote) return null;
  return { paragraph: a.hintParagraph, start: a.start, end: a.end, method: 'position' };
}

function byExactQuote(a: QuoteAnchor, paragraphs: readonly string[]): PlacedAnchor | null {
  if (a.quote === '') return null;
  let best: { placed: PlacedAnchor; score: number } | null = null;
  paragraphs.forEach((text, paragraph) => {
    for (let at = text.indexOf(a.quote); at !== -1; at = text.indexOf(a.quote, at + 1)) {
      const score =
        commonSuffixLength(text.slice(0, at), a.prefix) +
        commonPrefixLength(text.slice(at + a.quote.length), a.suffix) +
        (paragraph === a.hintParagraph ? 2 : 0) -
        Math.min(1, Math.abs(at - a.start) / 1000);
      if (!best || score > best.score) {
        best = { placed: { paragraph, start: at, end: at + a.quote.length, method: 'quote' }, score };
      }
    }
  });
  return best === null ? null : (best as { placed: PlacedAnchor }).placed;
}

function byFuzzyQuote(a: QuoteAnchor, paragraphs: readonly string[]): PlacedAnchor | null {
  if (a.quote.length < 2) return null;
  const dmp = new DiffMatchPatch();
  dmp.Match_Threshold = 0.4;
  dmp.Match_Distance = 1000;
  const order = paragraphs.map((_, i) => i).sort((x, y) => Number(y === a.hintParagraph) - Number(x === a.hintParagraph));
  let best: { placed: PlacedAnchor; distance: number } | null = null;
  for (const paragraph of order) {
    const text = paragraphs[paragraph] ?? '';
    if (text === '') continue;
    const head = a.quote.slice(0, bitapMax);
    const start = dmp.match_main(text, head, Math.min(a.start, text.length));
    if (start === -1) continue;
    let end = start + a.quote.length;
    if (a.quote.length > bitapMax) {
      const tail = a.quote.slice(-bitapMax);
      const tailAt = dmp.match_main(text, tail, Math.min(end - bitapMax, text.length));
      if (tailAt === -1 || tailAt + bitapMax <= start) continue;
      end = tailAt + bitapMax;
    }
    end = Math.min(end, text.length);
    const candidate = text.slice(start, end);
    const distance = dmp.diff_levenshtein(dmp.diff_main(a.quote, candidate)) / a.quote.length;
    if (distance <= maxFuzzyDistance && (!best || distance < best.distance)) {
      best = { placed: { paragraph, start, end, method: 'fuzzy' }, distance };
    }
  }
  return best === null ? null : (best as { placed: PlacedAnchor }).placed;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
