import fs from 'node:fs';
import type { Library } from '../../main/library/createLibrary';
import path from 'node:path';
import { peerRatio, percentile, timeRunsAsync, type Figure } from './measure';

/**
 * The whole library to Markdown as the app exports it: in steps, with the progress its dialog
 * shows (exportMarkdownInSteps), each step's files written by the export worker.
 */
export async function measureExport(
  library: Library,
  outDir: string,
  { runs, budgetSeconds }: { runs: number; budgetSeconds: number } = { runs: 3, budgetSeconds: 3 },
): Promise<Figure[]> {
  const highlights = (library.database().prepare('SELECT count(*) AS n FROM highlight').get() as { n: number }).n;
  let progressCalls = 0;
  // Each run exports into a new folder, as a person exporting their library does. (Deleting the
  // previous run's 10,001 files just before makes ext4 without a journal skip the freed inodes
  // for every new file: that measures the file system, not the export.)
  // CPU (the whole process: main, the export worker, V8's helpers) and the peak resident memory
  // say what the wall clock cannot on a shared 2-core machine.
  const cpuSeconds: string[] = [];
  const rssBefore = process.memoryUsage().rss;
  // The export's own peak, sampled at each progress call (maxRSS would count the library's set-up too).
  let rssDuring = 0;
  // The longest the dialog's bar would stand still: the widest gap between two progress calls.
  let lastProgress = 0;
  let widestGapMs = 0;
  // The simplest peer, after each run and in the same conditions: the run's files written again (plain fs.writeFileSync).
  const peers: PeerRun[] = [];
  const samples = await timeRunsAsync(
    runs,
    async (i) => {
      const cpu = process.cpuUsage();
      const mainCpu = mainThreadCpuSeconds();
      lastProgress = performance.now();
      await library.exportMarkdownInSteps(
        { scope: 'library', outDir: `${outDir}-${i}`, script: 'original', highlightsOnly: false },
        (_done, _total, phase) => {
          progressCalls++;
          const now = performance.now();
          if (lastProgress > 0) widestGapMs = Math.max(widestGapMs, now - lastProgress);
          lastProgress = now;
          if (phase === 'rendering' || progressCalls % 50 === 0) rssDuring = Math.max(rssDuring, process.memoryUsage().rss);
        },
      );
      const used = process.cpuUsage(cpu);
      const mainUsed = mainCpu === null ? null : mainThreadCpuSeconds()! - mainCpu;
      cpuSeconds.push(
        `${(used.user / 1e6).toFixed(2)} user + ${(used.system / 1e6).toFixed(2)} sys` +
          (mainUsed === null ? '' : ` (main thread ${mainUsed.toFixed(2)})`),
      );
      peers.push(writeSameFiles(`${outDir}-${i}`, `${outDir}-${i}-peer`));
    },
    0,
  );
  if (progressCalls === 0) throw new Error('the export reported no progress');
  const worst = Math.max(...samples);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const cpu = cpuSeconds.join(', ');
  const peerWorst = Math.max(...peers.map((p) => p.ms));
  const peerCpu = peers.map((p) => `${p.user.toFixed(2)}u+${p.system.toFixed(2)}s`).join(', ');
  return [
    {
      figure:
        `export ${highlights.toLocaleString('en')} highlights to Markdown (whole library, in steps with progress;` +
        ` CPU s per run: ${cpu}; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, at most ${(rssDuring / 2 ** 20).toFixed(0)} MB during (sampled), process peak ${peakRss.toFixed(0)} MB;` +
        ` ${progressCalls.toLocaleString('en')} progress calls, at most ${(widestGapMs / 1000).toFixed(2)} s apart)`,
      p50: percentile(samples, 50),
      p95: worst,
      value: `${(worst / 1000).toFixed(2)} s`,
      budget: `< ${budgetSeconds} s`,
      pass: worst < budgetSeconds * 1000,
      peer: `${(peerWorst / 1000).toFixed(2)} s (the same ${peers[0]!.files.toLocaleString('en')} files' bytes by fs.writeFileSync into a new folder; CPU s: ${peerCpu})`,
      ratio: peerRatio(worst, peerWorst),
    },
  ];
}

interface PeerRun {
  files: number;
  ms: number;
  user: number;
  system: number;
}

/**
 * The floor for the export's file work: every file of the folder `from` (the run's export, its
 * manifest too) written with plain fs.writeFileSync in a loop into the new folder `to`. The
 * bytes are read a thousand files at a time, untimed; only the writes are timed.
 */
function writeSameFiles(from: string, to: string): PeerRun {
  const names = fs.readdirSync(from);
  fs.mkdirSync(to);
  let ms = 0;
  let user = 0;
  let system = 0;
  for (let at = 0; at < names.length; at += 1000) {
    const files = names.slice(at, at + 1000).map((name) => [name, fs.readFileSync(path.join(from, name))] as const);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (const [name, bytes] of files) fs.writeFileSync(path.join(to, name), bytes);
    ms += performance.now() - t0;
    const used = process.cpuUsage(cpu);
    user += used.user / 1e6;
    system += used.system / 1e6;
  }
  return { files: names.length, ms, user, system };
}

/**
 * The main thread's CPU seconds (user + system) so far, where Linux says (/proc): the export's
 * critical path when the worker renders a share, which the whole process's CPU does not show. Null elsewhere.
 */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * `node --expose-gc --import tsx test/bench/measureFindAndExport.ts [--large]`: the export alone on
 * the bench's library (BENCH_ARTICLES generated articles, 10 highlights each; 10,000, or 100,000
 * with --large), copied from the bench's cache in /tmp (made there the first time; the parse worker
 * comes from the build, `npm run build`). Profile it with node --cpu-prof.
 */
if (process.argv[1]?.endsWith('measureFindAndExport.ts')) {
  void (async () => {
    const [fs, os, path, { Worker }, { prepareBenchLibrary }, { createLibrary }, { printTable }] = await Promise.all([
      import('node:fs'),
      import('node:os'),
      import('node:path'),
      import('node:worker_threads'),
      import('./cachedBenchLibrary'),
      import('../../main/library/createLibrary'),
      import('./measure'),
    ]);
    const large = process.argv.includes('--large');
    const articleCount = Number(process.env.BENCH_ARTICLES ?? (large ? 100_000 : 10_000));
    const shape = { articleCount, highlightCount: articleCount * 10, tagCount: large ? 5_000 : 40 };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-bench-export-'));
    try {
      const dbPath = path.join(dir, 'library.sqlite');
      const builtMain = path.resolve(__dirname, '../..', process.env.PIZHU_OUT_DIR ?? 'out', 'main');
      await prepareBenchLibrary(dbPath, dir, shape, { keep: true, builtMain });
      const library = await createLibrary({
        dbPath,
        startExportWorker: () => new Worker(path.join(builtMain, 'exportWorkerEntry.js')),
      });
      try {
        printTable(await measureExport(library, path.join(dir, 'export'), large ? { runs: 1, budgetSeconds: 30 } : undefined));
      } finally {
        library.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
}
