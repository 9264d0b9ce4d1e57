/**
 * The bench's import alone, on a chosen number of generated articles (BENCH_ARTICLES, 2,000 when
 * absent), for profiling and before/after comparisons without the minutes of `npm run bench`:
 *   BENCH_ARTICLES=3000 node --import tsx test/bench/measureImport.ts
 * The parse worker runs from PIZHU_PARSE_WORKER (a built parseWorkerEntry.js) when given, else
 * from the build in out/ as the bench does. Prints the same import figure as the bench, and the
 * CPU seconds of the storing thread and of the rest of the process (mostly the parse worker): on
 * a shared machine the wall time is noisy, those less so. On Linux it also lists each thread's
 * CPU seconds: the storing thread, the parse worker (the largest other), V8's helper threads; and
 * how long the storing thread ran, waited for a core, and slept (nothing to store: the parse was behind).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createLibrary } from '../../main/library/createLibrary';
import { eachGeneratedArticle } from './generateCorpus';
import { peerRatioThroughput } from './measure';

const repo = path.resolve(__dirname, '../..');
const articleCount = Number(process.env.BENCH_ARTICLES ?? 2_000);
const workerFile =
  process.env.PIZHU_PARSE_WORKER ?? path.resolve(repo, process.env.PIZHU_OUT_DIR ?? 'out', 'main', 'parseWorkerEntry.js');

/** CPU seconds of one thread of this process (Linux: /proc), or undefined where that cannot be read. */
function threadCpuSeconds(tid: number | string): number | undefined {
  return threadStat(tid)?.seconds;
}

function threadStat(tid: number | string): { name: string; seconds: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 }; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * Seconds a thread has run on a core and waited for one (runnable, not running), from
 * /proc/self/task/<tid>/schedstat (Linux with schedstats; undefined elsewhere). Wall time less
 * both is the time it slept: for the storing thread, waiting for the parse (or the disk).
 */
function threadSchedule(tid: number | string): { running: number; queued: number } | undefined {
  try {
    const [running, queued] = fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    if (running === undefined || queued === undefined || !Number.isFinite(running + queued)) return undefined;
    return { running: running / 1e9, queued: queued / 1e9 };
  } catch {
    return undefined;
  }
}

/**
 * The CPU seconds of every thread of this process, as last seen: sampled at each batch, since a
 * parse worker's thread is gone once the import ends. Linux only (empty elsewhere).
 */
function threadSampler(): { sample: () => void; since: (before: Map<string, number>) => string; now: () => Map<string, number> } {
  const seen = new Map<string, { name: string; seconds: number }>();
  const sample = () => {
    let tids: string[] = [];
    try {
      tids = fs.readdirSync('/proc/self/task');
    } catch {
      return;
    }
    for (const tid of tids) {
      const stat = threadStat(tid);
      if (stat) seen.set(tid, stat);
    }
  };
  return {
    sample,
    now: () => {
      sample();
      return new Map([...seen].map(([tid, s]) => [tid, s.seconds]));
    },
    since: (before) => {
      sample();
      // Worker threads are all named "node": each is listed on its own, the storing (main) thread first.
      return [...seen]
        .map(([tid, { name, seconds }]) => ({ tid, name, seconds: seconds - (before.get(tid) ?? 0) }))
        .filter((t) => t.seconds >= 0.05)
        .sort((a, b) => Number(b.tid === String(process.pid)) - Number(a.tid === String(process.pid)) || b.seconds - a.seconds)
        .map((t) => `${t.tid === String(process.pid) ? 'storing' : `${t.name}[${t.tid}]`} ${t.seconds.toFixed(1)}`)
        .join(', ');
    },
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-import-'));
  try {
    const folder = path.join(dir, 'corpus');
    fs.mkdirSync(folder);
    let totalBytes = 0;
    for (const a of eachGeneratedArticle(path.join(repo, 'seeds'), articleCount)) {
      fs.writeFileSync(path.join(folder, a.fileName), a.bytes);
      totalBytes += a.bytes.byteLength;
    }
    const library = await createLibrary({
      dbPath: path.join(dir, 'library.sqlite'),
      startParseWorker: (resourceLimits) => new Worker(workerFile, { resourceLimits }),
    });
    const threads = threadSampler();
    const threadsBefore = threads.now();
    const mainBefore = threadCpuSeconds(process.pid);
    const scheduleBefore = threadSchedule(process.pid);
    const cpuBefore = process.cpuUsage();
    const t0 = performance.now();
    const outcomes = await library.importPaths([folder], () => threads.sample());
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mainAfter = threadCpuSeconds(process.pid);
    const scheduleAfter = threadSchedule(process.pid);
    const processCpu = (cpu.user + cpu.system) / 1e6;
    const storing = mainBefore === undefined || mainAfter === undefined ? undefined : mainAfter - mainBefore;
    const imported = outcomes.filter((o) => o.status === 'imported').length;
    if (imported !== articleCount) throw new Error(`only ${imported} of ${articleCount} articles imported`);
    const mbPerSecond = totalBytes / 1e6 / seconds;
    // The bench's peer, in the same run: the same folder listed and every file read (runBench.ts).
    const readStarted = performance.now();
    let readBytes = 0;
    for (const name of fs.readdirSync(folder)) readBytes += fs.readFileSync(path.join(folder, name)).byteLength;
    const readMbPerSecond = readBytes / 1e6 / ((performance.now() - readStarted) / 1000);
    console.log(
      `import ${articleCount} articles (${(totalBytes / 1e6).toFixed(1)} MB): ` +
        `${mbPerSecond.toFixed(2)} MB/s (${seconds.toFixed(1)} s); ` +
        `${readMbPerSecond.toFixed(0)} MB/s (reading the files): ${peerRatioThroughput(mbPerSecond, readMbPerSecond)}; ` +
        (storing === undefined
          ? `process CPU ${processCpu.toFixed(1)} s`
          : `CPU: storing thread ${storing.toFixed(1)} s, parse worker(s) and the rest ${(processCpu - storing).toFixed(1)} s`),
    );
    // By thread name (the storing thread is this process's main thread); Linux only.
    const byThread = threads.since(threadsBefore);
    if (byThread !== '') console.log(`  CPU seconds by thread: ${byThread}`);
    // Whether the storing thread is the bottleneck: the time it slept is time it had nothing to store.
    if (scheduleBefore && scheduleAfter) {
      const running = scheduleAfter.running - scheduleBefore.running;
      const queued = scheduleAfter.queued - scheduleBefore.queued;
      console.log(
        `  storing thread: on a core ${running.toFixed(1)} s, waiting for a core ${queued.toFixed(1)} s, ` +
          `asleep (waiting for the parse, or the disk) ${Math.max(0, seconds - running - queued).toFixed(1)} s of ${seconds.toFixed(1)} s`,
      );
    }
    library.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
