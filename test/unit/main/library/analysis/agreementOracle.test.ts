import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../../../main/library/analysis/agreement/computeAgreement';
import type { AgreementFigures, AgreementInput, AgreementLevel, Disagreement } from '../../../../../main/library/analysis/agreement/agreementTypes';
import { cohensKappa, nominalAlpha, type ReliabilityUnit } from '../../../../../main/library/analysis/agreement/reliability';

/**
 * computeAgreement counts alike units together and cuts paragraphs only where a coding begins or
 * ends. This oracle does neither: it writes out every unit (each character or paragraph, once per
 * code) with each coder's value and feeds them one by one to the same coefficients, and finds the
 * passages where coders differ character by character. Random codings, seeded, with missing
 * coders, overlapping and touching highlights and paragraph codes.
 */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
}

function randomInput(seed: number, level: AgreementLevel): AgreementInput {
  const next = random(seed);
  const coders = ['a', 'b', 'c'].slice(0, 2 + next(2));
  const articles = Array.from({ length: 1 + next(3) }, (_, i) => {
    const paragraphLengths = Array.from({ length: 1 + next(4) }, () => next(12));
    const some = coders.filter(() => next(4) > 0);
    return next(3) === 0 ? { id: `art${i}`, paragraphLengths, coders: some } : { id: `art${i}`, paragraphLengths };
  });
  const codes = ['x', 'y'];
  const highlights: AgreementInput['highlights'][number][] = [];
  const paragraphCodes: AgreementInput['paragraphCodes'][number][] = [];
  for (const article of articles) {
    const present = article.coders ?? coders;
    article.paragraphLengths.forEach((length, paragraph) => {
      for (const coder of present) {
        for (const code of codes) {
          if (next(6) === 0) paragraphCodes.push({ coder, code, article: article.id, paragraph });
          for (let k = next(3); k > 0 && length > 0; k -= 1) {
            const start = next(length);
            highlights.push({ coder, code, article: article.id, paragraph, start, end: start + 1 + next(length - start) });
          }
        }
      }
    });
  }
  return { level, articles, coders, codes, highlights, paragraphCodes };
}

/** Every unit written out: for each code, article, paragraph (and character), each coder's value. */
function oracle(input: AgreementInput) {
  const perCode = new Map<string, Array<ReliabilityUnit<string>>>();
  const passages: Disagreement[] = [];
  for (const code of input.codes as string[]) {
    const units: Array<ReliabilityUnit<string>> = [];
    for (const article of input.articles) {
      article.paragraphLengths.forEach((length, paragraph) => {
        const coded = (coder: string, at: number | null) =>
          input.paragraphCodes.some((p) => p.coder === coder && p.code === code && p.article === article.id && p.paragraph === paragraph) ||
          input.highlights.some(
            (h) => h.coder === coder && h.code === code && h.article === article.id && h.paragraph === paragraph && (at === null || (h.start <= at && at < h.end)),
          );
        const valuesAt = (at: number | null) =>
          (input.coders as string[]).map((coder) => (article.coders && !article.coders.includes(coder) ? null : coded(coder, at) ? '1' : '0'));
        const positions = input.level === 'character' ? Array.from({ length }, (_, i) => i) : [null];
        for (const at of positions) {
          const values = valuesAt(at);
          units.push({ values });
          const codedBy = (input.coders as string[]).filter((_, i) => values[i] === '1');
          const notCodedBy = (input.coders as string[]).filter((_, i) => values[i] === '0');
          if (codedBy.length === 0 || notCodedBy.length === 0) continue;
          const start = at ?? 0;
          const end = at === null ? length : at + 1;
          const last = passages.at(-1);
          if (last && last.code === code && last.article === article.id && last.paragraph === paragraph && last.end === start && String(last.codedBy) === String(codedBy) && String(last.notCodedBy) === String(notCodedBy)) {
            last.end = end;
          } else passages.push({ code, article: article.id, paragraph, start, end, codedBy, notCodedBy });
        }
      });
    }
    perCode.set(code, units);
  }
  const order = (d: Disagreement) => [input.articles.findIndex((a) => a.id === d.article), d.paragraph, d.start, input.codes.indexOf(d.code)];
  passages.sort((p, q) => {
    const [a, b] = [order(p), order(q)];
    const i = a.findIndex((x, k) => x !== b[k]);
    return i < 0 ? 0 : a[i]! - b[i]!;
  });
  return { perCode, overall: [...perCode.values()].flat(), passages };
}

function expectFigures(actual: AgreementFigures, units: Array<ReliabilityUnit<string>>, coderCount: number) {
  const alpha = nominalAlpha(units);
  const pairable = units.filter((u) => u.values.filter((v) => v !== null).length >= 2).length;
  expect(actual.units).toBe(pairable);
  const close = (x: number | null, y: number | null) => (y === null ? expect(x).toBeNull() : expect(x).toBeCloseTo(y, 10));
  close(actual.percentAgreement, alpha.observedAgreement);
  close(actual.krippendorffAlpha, alpha.alpha);
  close(actual.cohensKappa, coderCount === 2 ? cohensKappa(units, 0, 1).kappa : null);
  let pair = 0;
  for (let i = 0; i < coderCount; i += 1) {
    for (let j = i + 1; j < coderCount; j += 1, pair += 1) {
      const kappa = cohensKappa(units, i, j);
      expect(actual.pairs[pair]!.units).toBe(kappa.units);
      close(actual.pairs[pair]!.percentAgreement, kappa.observedAgreement);
      close(actual.pairs[pair]!.cohensKappa, kappa.kappa);
    }
  }
  expect(actual.pairs).toHaveLength(pair);
}

describe('computeAgreement against every unit written out', () => {
  for (const level of ['character', 'paragraph'] as const) {
    it(`${level} level, 150 random codings`, () => {
      const seen = { passages: 0, missing: 0, threeCoders: 0 };
      for (let seed = 1; seed <= 150; seed += 1) {
        const input = randomInput(seed * 7919, level);
        const report = computeAgreement(input);
        seen.passages += report.disagreements.length;
        seen.missing += input.articles.filter((a) => a.coders !== undefined && a.coders.length < input.coders.length).length;
        seen.threeCoders += input.coders.length === 3 ? 1 : 0;
        const expected = oracle(input);
        report.perCode.forEach((figures) => expectFigures(figures, expected.perCode.get(figures.code as string)!, input.coders.length));
        expectFigures(report.overall, expected.overall, input.coders.length);
        expect(report.disagreements, `seed ${seed}`).toEqual(expected.passages);
      }
      // The random inputs reach what they are meant to: passages, coders missing from articles, three coders.
      expect(seen.passages).toBeGreaterThan(100);
      expect(seen.missing).toBeGreaterThan(10);
      expect(seen.threeCoders).toBeGreaterThan(30);
    });
  }
});
