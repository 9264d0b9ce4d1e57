/**
 * Reliability coefficients over nominal reliability data (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"; Cohen 1960). Pure arithmetic: no knowledge of texts or codes.
 *
 * Reliability data are units, each with the value every coder gave it (null where the coder gave
 * none: missing data). A unit's `weight` stands for that many identical units, so a million
 * characters coded alike are one entry, not a million.
 */

export type NominalValue = string | number | boolean;

export interface ReliabilityUnit<V extends NominalValue> {
  /** One entry per coder, in the same coder order for every unit; null: the coder gave no value. */
  values: readonly (V | null)[];
  /** How many identical units this entry stands for (1 when absent); a non-negative integer. */
  weight?: number;
}

export interface AlphaResult {
  /** Pairable values n: the values in units with at least two values (units with fewer cannot be compared). */
  pairable: number;
  /** Σ_c o_cc / n: the share of pairable value pairs that match; for two coders without missing data, the share of units they agree on. Null when n = 0. */
  observedAgreement: number | null;
  /**
   * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. Null when undefined: no pairable values, or
   * one value only (every pairable value alike, so expected disagreement is 0 and α is 0/0).
   */
  alpha: number | null;
}

/**
 * Krippendorff's α for nominal data, any number of coders, missing data allowed. The coincidence
 * matrix counts, in each unit u with m_u ≥ 2 values, every ordered pair of values from different
 * coders, weighted 1/(m_u − 1) so each pairable value contributes 1 in all.
 */
export function nominalAlpha<V extends NominalValue>(units: Iterable<ReliabilityUnit<V>>): AlphaResult {
  const index = new Map<V, number>();
  /** n_c: how many pairable values are c (an integer, kept apart from o's fractions). */
  const valueCounts: number[] = [];
  let matching = 0; // Σ_c o_cc
  let pairable = 0; // n
  for (const unit of units) {
    const weight = unit.weight ?? 1;
    if (weight === 0) continue;
    const counts = new Map<number, number>();
    let m = 0;
    for (const value of unit.values) {
      if (value === null) continue;
      let i = index.get(value);
      if (i === undefined) {
        i = valueCounts.length;
        index.set(value, i);
        valueCounts.push(0);
      }
      counts.set(i, (counts.get(i) ?? 0) + 1);
      m += 1;
    }
    if (m < 2) continue;
    pairable += weight * m;
    for (const [i, count] of counts) {
      valueCounts[i] = (valueCounts[i] ?? 0) + weight * count;
      matching += (weight * count * (count - 1)) / (m - 1);
    }
  }
  if (pairable === 0) return { pairable, observedAgreement: null, alpha: null };
  // Σ_{c≠k} n_c·n_k summed pair by pair: n² − Σ n_c² would cancel to noise at millions of units.
  let expected = 0;
  for (let c = 0; c < valueCounts.length; c += 1) {
    for (let k = c + 1; k < valueCounts.length; k += 1) expected += 2 * valueCounts[c]! * valueCounts[k]!;
  }
  const disagreeing = pairable - matching;
  return {
    pairable,
    observedAgreement: matching / pairable,
    alpha: expected === 0 ? null : 1 - ((pairable - 1) * disagreeing) / expected,
  };
}

export interface KappaResult {
  /** Units both coders gave a value to (the others are left out). */
  units: number;
  /** p_o: the share of those units where the two values are equal; null when there are none. */
  observedAgreement: number | null;
  /** p_e = Σ_c (a_c / N)·(b_c / N): agreement expected from each coder's own proportions. */
  expectedAgreement: number | null;
  /** κ = (p_o − p_e) / (1 − p_e). Null when undefined: no units, or p_e = 1 (both coders gave one and the same value throughout). */
  kappa: number | null;
}

/** Cohen's κ for two coders over nominal values: `first` and `second` pick each coder's value from a unit. */
export function cohensKappa<V extends NominalValue>(
  units: Iterable<ReliabilityUnit<V>>,
  first: number,
  second: number,
): KappaResult {
  const a = new Map<V, number>();
  const b = new Map<V, number>();
  let total = 0;
  let agreeing = 0;
  for (const unit of units) {
    const weight = unit.weight ?? 1;
    const x = unit.values[first] ?? null;
    const y = unit.values[second] ?? null;
    if (weight === 0 || x === null || y === null) continue;
    total += weight;
    if (x === y) agreeing += weight;
    a.set(x, (a.get(x) ?? 0) + weight);
    b.set(y, (b.get(y) ?? 0) + weight);
  }
  if (total === 0) return { units: 0, observedAgreement: null, expectedAgreement: null, kappa: null };
  let expected = 0;
  for (const [value, count] of a) expected += (count / total) * ((b.get(value) ?? 0) / total);
  const observed = agreeing / total;
  // p_e is exactly 1 only when both coders used one and the same value (count/total = 1 twice).
  return {
    units: total,
    observedAgreement: observed,
    expectedAgreement: expected,
    kappa: expected === 1 ? null : (observed - expected) / (1 - expected),
  };
}
