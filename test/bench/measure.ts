import os from 'node:os';

export interface Figure {
  figure: string;
  p50: number | null;
  p95: number | null;
  value: string;
  budget: string;
  pass: boolean;
  /** The simplest peer's figure for the same work in the same run (e.g. "15.2 ms (in-memory scan)"). */
  peer?: string;
  /** Pizhu against that peer, as printed by peerRatio (e.g. "×9.4 faster"). */
  ratio?: string;
}

/**
 * How Pizhu compares with a peer doing the same work, for a figure where lower is better (time):
 * "×2.5 faster" when Pizhu takes less, "×1.3 slower" when it takes more.
 */
export function peerRatio(pizhu: number, peer: number): string {
  if (!(pizhu > 0) || !(peer > 0)) return '';
  return pizhu <= peer ? `×${(peer / pizhu).toFixed(1)} faster` : `×${(pizhu / peer).toFixed(1)} slower`;
}

/** The same for a throughput (higher is better, e.g. MB/s). */
export function peerRatioThroughput(pizhu: number, peer: number): string {
  return peerRatio(peer, pizhu);
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

/**
 * timeRuns with each run's CPU time beside its wall time (process.cpuUsage: every thread of the
 * process, V8's collector too). On the shared 2-core machine a wall figure far above its CPU is
 * a wait for a core, not the work's cost: both are printed so one run tells them apart.
 */
export function timeRunsWithCpu(runs: number, fn: (i: number) => void, warmup = 3): { wall: number[]; cpu: number[] } {
  collectSetUpGarbage();
  for (let i = 0; i < warmup; i++) fn(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn(i);
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  return { wall, cpu };
}

/** The line said beside a figure measured by timeRunsWithCpu: its CPU p95 and the load, not judged. */
export function cpuLine(what: string, { wall, cpu }: { wall: number[]; cpu: number[] }): string {
  return `  ${what}: CPU p50 ${percentile(cpu, 50).toFixed(1)} p95 ${percentile(cpu, 95).toFixed(1)} ms; wall p95 ${percentile(wall, 95).toFixed(1)} ms; load ${os.loadavg()[0]!.toFixed(1)}`;
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
    f.peer ?? '',
    f.ratio ?? '',
  ]);
  const header = ['figure', 'p50 ms', 'p95 ms', 'value', 'budget', 'result', 'peer (same run)', 'vs peer'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - [...cell].length)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}
