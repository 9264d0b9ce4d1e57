/**
 * Keyness of an item in a subset against the rest of the library (README: "Words").
 *
 * Log-likelihood G2 as Rayson and Garside give Dunning's test for two corpora: with a and b the
 * item's occurrences in the subset and the rest, c and d their sizes (every counted occurrence),
 *   E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d),
 *   G2 = 2 (a ln(a / E1) + b ln(b / E2)),  a term with a zero count being 0.
 * %DIFF (Gabrielatos and Marchi) = (a/c − b/d) / (b/d) × 100: how much more (or less) often the
 * subset uses it, relative to the rest; null when b is 0 (infinitely more).
 */
export interface KeynessFigures {
  logLikelihood: number;
  percentDiff: number | null;
  direction: 'over' | 'under';
}

export function keyness(a: number, b: number, c: number, d: number): KeynessFigures {
  const total = c + d;
  const e1 = (c * (a + b)) / total;
  const e2 = (d * (a + b)) / total;
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  const logLikelihood = 2 * (term(a, e1) + term(b, e2));
  const subsetRate = c > 0 ? a / c : 0;
  const restRate = d > 0 ? b / d : 0;
  return {
    logLikelihood,
    percentDiff: restRate > 0 ? ((subsetRate - restRate) / restRate) * 100 : null,
    direction: subsetRate >= restRate ? 'over' : 'under',
  };
}
