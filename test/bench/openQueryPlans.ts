/**
 * Which SQL the app runs while it opens on a library, and what each costs: the built renderer on
 * the bench's Chromium launcher (main's handlers in this process) is opened on argv[2], every
 * statement main runs until the page has settled is timed (process CPU while it runs: a statement
 * runs on this thread, and wall time is noisy on a shared machine), and each is explained (EXPLAIN QUERY PLAN) so a SCAN of a big
 * table shows. Prints one line per statement, the costliest first. Not part of `npm run bench`:
 * a tool for finding the slow query at open (issue #16).
 *
 *   node --import tsx test/bench/openQueryPlans.ts <library.sqlite> [settle ms]
 */
import Database from 'better-sqlite3';
import { launchChromium } from '../e2e/fixtures/launchChromium';
import { benchChromium } from './measureUiOpen';

interface Seen {
  sql: string;
  calls: number;
  cpuMs: number;
  maxMs: number;
  args: unknown[];
}

const seen = new Map<string, Seen>();

/** Times every run of every statement: all, get, run and iterate (drained) of better-sqlite3's Statement. */
function recordStatements(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['all', 'get', 'run'] as const) {
    const original = proto[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = process.cpuUsage();
      try {
        return original.apply(this, args);
      } finally {
        const cpu = process.cpuUsage(started);
        const ms = (cpu.user + cpu.system) / 1e3;
        let entry = seen.get(this.source);
        if (!entry) seen.set(this.source, (entry = { sql: this.source, calls: 0, cpuMs: 0, maxMs: 0, args }));
        entry.calls++;
        entry.cpuMs += ms;
        entry.maxMs = Math.max(entry.maxMs, ms);
      }
    };
  }
}

async function main(): Promise<void> {
  const dbPath = process.argv[2]!;
  const settleMs = Number(process.argv[3] ?? 4000);
  recordStatements();
  const launched = await launchChromium(benchChromium(), { dbPath });
  try {
    const row = launched.page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first();
    await row.waitFor({ timeout: 120_000 });
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const db = launched.library.database();
    const rows = [...seen.values()].sort((a, b) => b.cpuMs - a.cpuMs);
    for (const s of rows) {
      let plan = '';
      try {
        const explained = db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`);
        const steps = explained.all(...(s.args as [])) as Array<{ detail: string }>;
        plan = steps.map((p) => p.detail).join(' | ');
      } catch (error) {
        plan = `(not explained: ${(error as Error).message})`;
      }
      const scan = /\bSCAN (article|highlight|paragraph|highlight_tag|paragraph_tag|search_\w+|note)\b(?! USING)/.test(plan) ? ' SCAN!' : '';
      console.log(
        `${s.cpuMs.toFixed(1).padStart(8)} ms cpu ${String(s.calls).padStart(4)}x max ${s.maxMs.toFixed(1).padStart(7)}${scan}\n  ${s.sql.replace(/\s+/g, ' ').slice(0, 400)}\n  plan: ${plan.slice(0, 400)}`,
      );
    }
  } finally {
    await launched.close();
  }
}

void main();
