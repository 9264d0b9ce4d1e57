import { describe, expect, it } from 'vitest';
import { cohensKappa, nominalAlpha, type ReliabilityUnit } from '../../../../../main/library/analysis/agreement/reliability';

/** Reliability data as printed in the sources: one row per coder, one column per unit, null for a missing value. */
function byColumns(rows: Array<Array<number | null>>): Array<ReliabilityUnit<number>> {
  return rows[0]!.map((_, u) => ({ values: rows.map((row) => row[u] ?? null) }));
}

const _ = null;

describe('Krippendorff α against published worked examples', () => {
  it('two coders, binary, no missing data: α = 0.095 (Krippendorff 2011, "Computing Krippendorff\'s Alpha-Reliability", §A)', () => {
    // Units 1-10.  A: 0 1 0 0 0 0 0 0 1 0   B: 1 1 1 0 0 1 0 0 0 0
    // Coincidences: o00 = 10 (five 0-0 units, two ordered pairs each), o11 = 2, o01 = o10 = 4.
    // n0 = 14, n1 = 6, n = 20. α = 1 − (n−1)·o01/(n0·n1) = 1 − 19·4/84 = 8/84 = 0.0952.
    const units = byColumns([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const result = nominalAlpha(units);
    expect(result.pairable).toBe(20);
    expect(result.observedAgreement).toBeCloseTo(0.6, 10);
    expect(result.alpha).toBeCloseTo(8 / 84, 10);
    expect(result.alpha!.toFixed(3)).toBe('0.095');
    // Cohen's κ on the same data: p_o = 6/10; A coded 2, B 4: p_e = 0.2·0.4 + 0.8·0.6 = 0.56;
    // κ = (0.6 − 0.56)/(1 − 0.56) = 0.04/0.44 = 1/11.
    const kappa = cohensKappa(units, 0, 1);
    expect(kappa.units).toBe(10);
    expect(kappa.expectedAgreement).toBeCloseTo(0.56, 10);
    expect(kappa.kappa).toBeCloseTo(1 / 11, 10);
  });

  it('three coders, nominal, missing data: α = 0.691 (the computational example of Wikipedia\'s "Krippendorff\'s alpha")', () => {
    // Units 1-15; units 1, 2 and 14 hold fewer than two values and are not pairable.
    // Pairable values n = 26, of which 20 pair with an equal value: observed agreement 20/26.
    const units = byColumns([
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ]);
    const result = nominalAlpha(units);
    expect(result.pairable).toBe(26);
    expect(result.observedAgreement).toBeCloseTo(20 / 26, 10);
    expect(result.alpha!.toFixed(3)).toBe('0.691');
  });

  it('four coders, nominal, missing data: α = 0.743 (Krippendorff 2011, §C)', () => {
    const units = byColumns([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    const result = nominalAlpha(units);
    expect(result.pairable).toBe(40);
    expect(result.alpha!.toFixed(3)).toBe('0.743');
  });
});

describe('weights and undefined cases', () => {
  it('a weighted unit counts as that many identical units', () => {
    const expanded = byColumns([
      [1, 1, 1, 0, 0],
      [1, 1, 0, 0, 0],
    ]);
    const weighted: Array<ReliabilityUnit<number>> = [
      { values: [1, 1], weight: 2 },
      { values: [1, 0], weight: 1 },
      { values: [0, 0], weight: 2 },
    ];
    expect(nominalAlpha(weighted)).toEqual(nominalAlpha(expanded));
    expect(cohensKappa(weighted, 0, 1)).toEqual(cohensKappa(expanded, 0, 1));
  });

  it('no pairable values: every figure is null, not NaN', () => {
    expect(nominalAlpha([])).toEqual({ pairable: 0, observedAgreement: null, alpha: null });
    expect(nominalAlpha([{ values: [1, null] }, { values: [null, 0] }])).toEqual({ pairable: 0, observedAgreement: null, alpha: null });
    expect(cohensKappa([{ values: [1, null] }], 0, 1)).toEqual({ units: 0, observedAgreement: null, expectedAgreement: null, kappa: null });
  });

  it('one value throughout: agreement is 1 and κ and α are undefined (0/0), not 1 or NaN', () => {
    const units = [{ values: [0, 0], weight: 1000 }];
    expect(nominalAlpha(units)).toEqual({ pairable: 2000, observedAgreement: 1, alpha: null });
    expect(cohensKappa(units, 0, 1)).toEqual({ units: 1000, observedAgreement: 1, expectedAgreement: 1, kappa: null });
  });

  it('stays exact over millions of units with a handful of disagreements', () => {
    // 10,000,000 characters: 40 coded by both, 2 by one coder only.
    // n = 2e7, n1 = 82, n0 = 2e7 − 82, o01 = 2. α = 1 − (n−1)·2/(n0·n1).
    const units = [
      { values: [0, 0], weight: 10_000_000 - 42 },
      { values: [1, 1], weight: 40 },
      { values: [1, 0], weight: 1 },
      { values: [0, 1], weight: 1 },
    ];
    const n = 20_000_000;
    expect(nominalAlpha(units).alpha).toBeCloseTo(1 - ((n - 1) * 2) / ((n - 82) * 82), 12);
  });
});
