import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../../main/library/analysis/agreement/computeAgreement';
import type { AgreementInput } from '../../../../../main/library/analysis/agreement/agreementTypes';
import { LibraryError } from '../../../../../main/library/libraryError';

/**
 * Two coders, Lin and Wang, one article of four paragraphs (lengths 10, 6, 4, 5: 25 characters),
 * two codes.
 *
 * Code "x":
 *   Lin:  highlight p0 [0,6); the whole of p1 as a paragraph code.
 *   Wang: highlight p0 [2,6); highlights p1 [0,3) and [3,6) (touching); highlight p2 [0,1).
 * Code "y": both highlight p3 [1,3).
 *
 * Character level, code x, character by character (L = Lin coded, W = Wang coded):
 *   p0: 0-1 L only (2) · 2-5 both (4) · 6-9 neither (4)
 *   p1: 0-5 both (6)
 *   p2: 0 W only (1) · 1-3 neither (3)
 *   p3: neither (5)
 *   both = 10, L only = 2, W only = 1, neither = 12; N = 25.
 *   percent agreement p_o = (10 + 12)/25 = 22/25 = 0.88
 *   Cohen's κ: Lin coded 12 of 25, Wang 11 of 25.
 *     p_e = (12/25)(11/25) + (13/25)(14/25) = (132 + 182)/625 = 314/625 = 0.5024
 *     κ = (0.88 − 0.5024)/(1 − 0.5024) = 0.3776/0.4976 = 236/311 ≈ 0.7588
 *   Krippendorff's α: every unit has two values, so n = 50 pairable values.
 *     coincidences: o11 = 2·10 = 20, o00 = 2·12 = 24, o01 = o10 = 2 + 1 = 3
 *     n1 = 20 + 3 = 23, n0 = 24 + 3 = 27
 *     α = 1 − (n − 1)·o01/(n0·n1) = 1 − 49·3/(27·23) = 1 − 147/621 = 474/621 ≈ 0.7633
 *
 * Character level, code y: both = 2, neither = 23: p_o = 1, κ = 1, α = 1 (o01 = 0).
 *
 * Character level, overall (every character once per code: 50 units):
 *   both = 12, L only = 2, W only = 1, neither = 35.
 *   p_o = 47/50 = 0.94; Lin 14, Wang 13: p_e = (14·13 + 36·37)/2500 = 1514/2500 = 0.6056
 *   κ = (0.94 − 0.6056)/(1 − 0.6056) = 0.3344/0.3944 = 418/493 ≈ 0.8479
 *   α: n = 100, o11 = 24, o00 = 70, o01 = 3, n1 = 27, n0 = 73:
 *   α = 1 − 99·3/(73·27) = 1 − 297/1971 = 1674/1971 ≈ 0.8493
 *
 * Paragraph level, code x (a paragraph is coded when a highlight of x touches it or it carries x):
 *   p0 both · p1 both · p2 W only · p3 neither. N = 4.
 *   p_o = 3/4; Lin 2, Wang 3: p_e = (2/4)(3/4) + (2/4)(1/4) = 8/16 = 0.5; κ = 0.25/0.5 = 0.5
 *   α: n = 8, o11 = 4, o00 = 2, o01 = 1, n1 = 5, n0 = 3: α = 1 − 7·1/(3·5) = 8/15 ≈ 0.5333
 */
const twoCoders: Omit<AgreementInput, 'level'> = {
  articles: [{ id: 'a1', paragraphLengths: [10, 6, 4, 5] }],
  coders: ['lin', 'wang'],
  codes: ['x', 'y'],
  highlights: [
    { coder: 'lin', code: 'x', article: 'a1', paragraph: 0, start: 0, end: 6 },
    { coder: 'wang', code: 'x', article: 'a1', paragraph: 0, start: 2, end: 6 },
    { coder: 'wang', code: 'x', article: 'a1', paragraph: 1, start: 0, end: 3 },
    { coder: 'wang', code: 'x', article: 'a1', paragraph: 1, start: 3, end: 6 },
    { coder: 'wang', code: 'x', article: 'a1', paragraph: 2, start: 0, end: 1 },
    { coder: 'lin', code: 'y', article: 'a1', paragraph: 3, start: 1, end: 3 },
    { coder: 'wang', code: 'y', article: 'a1', paragraph: 3, start: 1, end: 3 },
  ],
  paragraphCodes: [{ coder: 'lin', code: 'x', article: 'a1', paragraph: 1 }],
};

describe('two coders, by hand (see the computation above)', () => {
  it('character level: per code, overall, and where the coders differ', () => {
    const report = computeAgreement({ ...twoCoders, level: 'character' });
    const [x, y] = report.perCode;
    expect(x!.code).toBe('x');
    expect(x!.units).toBe(25);
    expect(x!.percentAgreement).toBeCloseTo(22 / 25, 12);
    expect(x!.cohensKappa).toBeCloseTo(236 / 311, 12);
    expect(x!.krippendorffAlpha).toBeCloseTo(474 / 621, 12);
    expect(x!.pairs).toEqual([{ coders: ['lin', 'wang'], units: 25, percentAgreement: x!.percentAgreement, cohensKappa: x!.cohensKappa }]);

    expect(y).toMatchObject({ code: 'y', units: 25, percentAgreement: 1, cohensKappa: 1, krippendorffAlpha: 1 });

    expect(report.overall.units).toBe(50);
    expect(report.overall.percentAgreement).toBeCloseTo(47 / 50, 12);
    expect(report.overall.cohensKappa).toBeCloseTo(418 / 493, 12);
    expect(report.overall.krippendorffAlpha).toBeCloseTo(1674 / 1971, 12);

    // Wang's two touching highlights in p1 match Lin's paragraph code: no difference there.
    expect(report.disagreements).toEqual([
      { code: 'x', article: 'a1', paragraph: 0, start: 0, end: 2, codedBy: ['lin'], notCodedBy: ['wang'] },
      { code: 'x', article: 'a1', paragraph: 2, start: 0, end: 1, codedBy: ['wang'], notCodedBy: ['lin'] },
    ]);
  });

  it('paragraph level: a paragraph counts once, whatever share of it a highlight covers', () => {
    const report = computeAgreement({ ...twoCoders, level: 'paragraph' });
    const [x, y] = report.perCode;
    expect(x!.units).toBe(4);
    expect(x!.percentAgreement).toBeCloseTo(3 / 4, 12);
    expect(x!.cohensKappa).toBeCloseTo(0.5, 12);
    expect(x!.krippendorffAlpha).toBeCloseTo(8 / 15, 12);
    expect(y).toMatchObject({ units: 4, percentAgreement: 1, cohensKappa: 1, krippendorffAlpha: 1 });
    expect(report.disagreements).toEqual([
      { code: 'x', article: 'a1', paragraph: 2, start: 0, end: 4, codedBy: ['wang'], notCodedBy: ['lin'] },
    ]);
  });

  it('perfect agreement on every code: κ = 1 and α = 1, nothing listed as differing', () => {
    const perfect = computeAgreement({
      ...twoCoders,
      level: 'character',
      highlights: twoCoders.highlights.filter((h) => h.code === 'y'),
      paragraphCodes: [
        { coder: 'lin', code: 'x', article: 'a1', paragraph: 0 },
        { coder: 'wang', code: 'x', article: 'a1', paragraph: 0 },
      ],
    });
    for (const figures of [...perfect.perCode, perfect.overall]) {
      expect(figures).toMatchObject({ percentAgreement: 1, cohensKappa: 1, krippendorffAlpha: 1 });
    }
    expect(perfect.disagreements).toEqual([]);
  });

  it('one coder\'s touching highlights against nothing read as one passage where the coders differ', () => {
    const report = computeAgreement({
      ...twoCoders,
      level: 'character',
      codes: ['x'],
      highlights: [
        { coder: 'wang', code: 'x', article: 'a1', paragraph: 1, start: 0, end: 3 },
        { coder: 'wang', code: 'x', article: 'a1', paragraph: 1, start: 3, end: 6 },
        { coder: 'wang', code: 'x', article: 'a1', paragraph: 1, start: 2, end: 4 },
      ],
      paragraphCodes: [],
    });
    expect(report.disagreements).toEqual([
      { code: 'x', article: 'a1', paragraph: 1, start: 0, end: 6, codedBy: ['wang'], notCodedBy: ['lin'] },
    ]);
    // Overlapping highlights of one coder code a character once: 6 characters Wang only, 19 neither.
    expect(report.perCode[0]!.percentAgreement).toBeCloseTo(19 / 25, 12);
  });
});

/**
 * Three coders, A, B and C, with missing data: C did not code article "c".
 * Article "b": one paragraph of 4 characters, all three coders. Code x:
 *   A [0,2), B [0,3), C [0,2).   chars 0-1: A B C (111) · 2: B only (010) · 3: none (000)
 * Article "c": one paragraph of 3 characters, coders A and B only. Code x:
 *   A [0,3), B [0,1).            char 0: A B (11-) · 1-2: A only (10-)
 * Units (values by A, B, C): 111 ×2, 010 ×1, 000 ×1, 11- ×1, 10- ×2; all have ≥ 2 values.
 *   n = 3·2 + 3 + 3 + 2 + 2·2 = 18
 *   o11: 111 gives 3·2/(3−1) = 3 each → 6; 11- gives 2·1/1 = 2 → o11 = 8
 *   o00: 010 gives 2·1/2 = 1; 000 gives 3·2/2 = 3 → o00 = 4
 *   o01: 010 gives 2·1/2 = 1; 10- gives 1·1/1 = 1 each → 2 → o01 = o10 = 3
 *   n1 = o11 + o10 = 11 (count the 1s: 6 + 1 + 2 + 2), n0 = 7
 *   α = 1 − (n − 1)·o01/(n0·n1) = 1 − 17·3/(7·11) = 1 − 51/77 = 26/77 ≈ 0.3377
 *   percent agreement = (o11 + o00)/n = 12/18 = 2/3
 * Pairs (κ over the units both have data for):
 *   A-B, 7 units: both 3, A only 2, B only 1, neither 1. p_o = 4/7; A 5, B 4:
 *       p_e = (5·4 + 2·3)/49 = 26/49; κ = (28/49 − 26/49)/(23/49) = 2/23
 *   A-C, 4 units (article b): 11, 11, 00, 00: κ = 1
 *   B-C, 4 units: 11, 11, 10, 00. p_o = 3/4; B 3, C 2: p_e = (3·2 + 1·2)/16 = 1/2; κ = 1/2
 */
describe('three coders with missing data, by hand', () => {
  const input: AgreementInput = {
    level: 'character',
    articles: [
      { id: 'b', paragraphLengths: [4] },
      { id: 'c', paragraphLengths: [3], coders: ['A', 'B'] },
    ],
    coders: ['A', 'B', 'C'],
    codes: ['x'],
    highlights: [
      { coder: 'A', code: 'x', article: 'b', paragraph: 0, start: 0, end: 2 },
      { coder: 'B', code: 'x', article: 'b', paragraph: 0, start: 0, end: 3 },
      { coder: 'C', code: 'x', article: 'b', paragraph: 0, start: 0, end: 2 },
      { coder: 'A', code: 'x', article: 'c', paragraph: 0, start: 0, end: 3 },
      { coder: 'B', code: 'x', article: 'c', paragraph: 0, start: 0, end: 1 },
    ],
    paragraphCodes: [],
  };

  it('α over all three, κ per pair, no overall κ', () => {
    const { perCode, overall, disagreements } = computeAgreement(input);
    const x = perCode[0]!;
    expect(x.units).toBe(7);
    expect(x.krippendorffAlpha).toBeCloseTo(26 / 77, 12);
    expect(x.percentAgreement).toBeCloseTo(2 / 3, 12);
    expect(x.cohensKappa).toBeNull();
    expect(x.pairs.map((p) => [p.coders, p.units])).toEqual([
      [['A', 'B'], 7],
      [['A', 'C'], 4],
      [['B', 'C'], 4],
    ]);
    expect(x.pairs[0]!.cohensKappa).toBeCloseTo(2 / 23, 12);
    expect(x.pairs[1]!.cohensKappa).toBe(1);
    expect(x.pairs[2]!.cohensKappa).toBeCloseTo(1 / 2, 12);
    expect(overall.krippendorffAlpha).toBeCloseTo(26 / 77, 12);
    // C has no data in article c: listed neither as coding nor as not coding.
    expect(disagreements).toEqual([
      { code: 'x', article: 'b', paragraph: 0, start: 2, end: 3, codedBy: ['B'], notCodedBy: ['A', 'C'] },
      { code: 'x', article: 'c', paragraph: 0, start: 1, end: 3, codedBy: ['A'], notCodedBy: ['B'] },
    ]);
  });

  it('refuses a coding by a coder not among the article\'s coders, naming both', () => {
    const bad = { ...input, highlights: [...input.highlights, { coder: 'C', code: 'x', article: 'c', paragraph: 0, start: 0, end: 1 }] };
    expect(() => computeAgreement(bad)).toThrow('"C" coded article "c" but is not among its coders.');
  });
});

describe('edge cases', () => {
  const article = { id: 1, paragraphLengths: [5, 3] };

  it('no codings: the coders agree on every unit; κ and α are null (0/0), not NaN or 1', () => {
    const report = computeAgreement({ level: 'character', articles: [article], coders: [1, 2], codes: [7], highlights: [], paragraphCodes: [] });
    expect(report.perCode).toEqual([
      { code: 7, units: 8, percentAgreement: 1, cohensKappa: null, krippendorffAlpha: null, pairs: [{ coders: [1, 2], units: 8, percentAgreement: 1, cohensKappa: null }] },
    ]);
    expect(report.overall).toMatchObject({ units: 8, percentAgreement: 1, cohensKappa: null, krippendorffAlpha: null });
    expect(report.disagreements).toEqual([]);
  });

  it('no articles, or no codes: nothing is compared and every figure is null', () => {
    const none = { units: 0, percentAgreement: null, cohensKappa: null, krippendorffAlpha: null };
    const noArticles = computeAgreement({ level: 'paragraph', articles: [], coders: [1, 2], codes: [7], highlights: [], paragraphCodes: [] });
    expect(noArticles.perCode[0]).toMatchObject(none);
    expect(noArticles.overall).toMatchObject(none);
    const noCodes = computeAgreement({ level: 'paragraph', articles: [article], coders: [1, 2], codes: [], highlights: [], paragraphCodes: [] });
    expect(noCodes.perCode).toEqual([]);
    expect(noCodes.overall).toMatchObject(none);
  });

  it('one coder only: no unit has two coders, so nothing is compared and nothing differs', () => {
    const report = computeAgreement({
      level: 'character',
      articles: [article],
      coders: ['lin'],
      codes: ['x'],
      highlights: [{ coder: 'lin', code: 'x', article: 1, paragraph: 0, start: 1, end: 4 }],
      paragraphCodes: [],
    });
    expect(report.perCode[0]).toEqual({ code: 'x', units: 0, percentAgreement: null, cohensKappa: null, krippendorffAlpha: null, pairs: [] });
    expect(report.disagreements).toEqual([]);
  });

  it('codings of articles and codes not chosen are left out', () => {
    const report = computeAgreement({
      level: 'character',
      articles: [article],
      coders: [1, 2],
      codes: ['x'],
      highlights: [
        { coder: 1, code: 'x', article: 99, paragraph: 0, start: 0, end: 100 },
        { coder: 1, code: 'other', article: 1, paragraph: 0, start: 0, end: 5 },
      ],
      paragraphCodes: [{ coder: 2, code: 'x', article: 99, paragraph: 4 }],
    });
    expect(report.perCode[0]).toMatchObject({ units: 8, percentAgreement: 1 });
  });

  it('refuses bad input with a message that names it', () => {
    const base: AgreementInput = { level: 'character', articles: [article], coders: [1, 2], codes: ['x'], highlights: [], paragraphCodes: [] };
    const h = { coder: 1, code: 'x', article: 1, paragraph: 0, start: 0, end: 2 };
    const cases: Array<[AgreementInput, string]> = [
      [{ ...base, highlights: [{ ...h, coder: 3 }] }, 'The coding by "3" names no coder of this comparison.'],
      [{ ...base, highlights: [{ ...h, paragraph: 2 }] }, 'Article "1" has no paragraph 2.'],
      [{ ...base, paragraphCodes: [{ coder: 1, code: 'x', article: 1, paragraph: -1 }] }, 'Article "1" has no paragraph -1.'],
      [{ ...base, highlights: [{ ...h, end: 6 }] }, 'The range 0-6 does not lie in paragraph 0 of article "1" (0-5).'],
      [{ ...base, highlights: [{ ...h, start: 2, end: 2 }] }, 'The range 2-2 does not lie in paragraph 0 of article "1" (0-5).'],
      [{ ...base, coders: [1, 1] }, 'The coder "1" is listed twice.'],
      [{ ...base, articles: [article, article] }, 'Article "1" is chosen twice.'],
      [{ ...base, articles: [{ id: 1, paragraphLengths: [2.5] }] }, 'Article "1" has a paragraph of length 2.5.'],
      [{ ...base, articles: [{ ...article, coders: [5] }] }, 'Article "1" names "5", who is no coder of this comparison.'],
      [{ ...base, level: 'word' as AgreementInput['level'] }, 'The agreement level must be "character" or "paragraph", not "word".'],
    ];
    for (const [input, message] of cases) {
      expect(() => computeAgreement(input), message).toThrow(new LibraryError('invalid-argument', message));
    }
  });

  it('takes 200,000 articles (more than a spread call can pass as arguments)', () => {
    const articles = Array.from({ length: 200_000 }, (_, id) => ({ id, paragraphLengths: [5, 5] }));
    const report = computeAgreement({
      level: 'character',
      articles,
      coders: [1, 2],
      codes: ['x'],
      highlights: [{ coder: 1, code: 'x', article: 199_999, paragraph: 1, start: 0, end: 2 }],
      paragraphCodes: [],
    });
    expect(report.perCode[0]).toMatchObject({ units: 2_000_000, percentAgreement: (2_000_000 - 2) / 2_000_000 });
    expect(report.disagreements).toEqual([{ code: 'x', article: 199_999, paragraph: 1, start: 0, end: 2, codedBy: [1], notCodedBy: [2] }]);
  });

  it('counts an astral character as two UTF-16 units, as highlight offsets do', () => {
    // '𠀀好' is 3 UTF-16 units; both coders code the astral character [0,2), one also 好.
    const report = computeAgreement({
      level: 'character',
      articles: [{ id: 1, paragraphLengths: ['𠀀好'.length] }],
      coders: [1, 2],
      codes: ['x'],
      highlights: [
        { coder: 1, code: 'x', article: 1, paragraph: 0, start: 0, end: 3 },
        { coder: 2, code: 'x', article: 1, paragraph: 0, start: 0, end: 2 },
      ],
      paragraphCodes: [],
    });
    expect(report.perCode[0]).toMatchObject({ units: 3, percentAgreement: 2 / 3 });
  });
});
