export interface Figure {
  figure: string;
  p50: number | null;
  p95: number | null;
  value: string;
  budget: string;
  pass: boolean;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * Garbage left by the set-up (10,000 imports) is collected before a figure is measured, so
 * a figure times its operation, not the bench's own leftovers (run with --expose-gc).
 */
export function collectSetUpGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; returns milliseconds per run. */
export function timeRuns(runs: number, fn: (i: number) => void, warmup = 3): number[] {
  collectSetUpGarbage();
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

export async function timeRunsAsync(runs: number, fn: (i: number) => Promise<void>, warmup = 2): Promise<number[]> {
  collectSetUpGarbage();
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.figure,
    f.p50 === null ? '' : f.p50.toFixed(2),
    f.p95 === null ? '' : f.p95.toFixed(2),
    f.value,
    f.budget,
    f.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'p50 ms', 'p95 ms', 'value', 'budget', 'result'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - [...cell].length)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}
