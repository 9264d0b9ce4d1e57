/**
 * Issue #17: the dictionary's figures, each measured in a fresh process (a process that has
 * already built OpenCC's converters would open faster than the app does): the packed file the
 * build writes (out/main/dictionary) against the other way the issue names, a SQLite table
 * beside the library, built from the same CC-CEDICT. Open time, memory, lookup p95, and what
 * each adds to the installer (its size, and gzip'd as an installer compresses it).
 *
 * `node --import tsx test/bench/measureDictionary.ts [PACKED_FILE]` prints the figures alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { readHanziCedict, parseCedictLine } from '../../main/library/dictionary/cedictSource';
import { openDictionary } from '../../main/library/dictionary/openDictionary';
import { createConverter } from '../../preload/common/createConverter';
import { percentile, type Figure } from './measure';

const repo = path.resolve(__dirname, '../..');

interface ChildReport {
  openMs: number;
  rssMb: number;
  lookupP50: number;
  lookupP95: number;
  lookups: number;
}

/** What a reader looks up: every place of the seeds' first paragraphs, as shown in 原文, 简体 and 臺灣(詞彙). */
function lookupTexts(): string[] {
  const seeds = path.join(repo, 'seeds');
  const texts: string[] = [];
  for (const file of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
    const paragraphs = fs.readFileSync(path.join(seeds, file), 'utf8').split('\n').filter((p) => p.trim().length > 30).slice(0, 4);
    const script = /[這們說國會]/.test(paragraphs.join('')) ? 'traditional' : 'simplified';
    for (const p of paragraphs) for (const mode of ['original', 'cn', 'twp'] as const) texts.push(createConverter(script, mode).convert(p).text);
  }
  return texts;
}

function child(kind: 'packed' | 'sqlite', file: string): ChildReport {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', kind, file], { cwd: repo, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport;
}

/** In the child: open one way, then time a lookup at every place of the texts. */
function runChild(kind: 'packed' | 'sqlite', file: string): void {
  const texts = lookupTexts();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  let lookupAt: (text: string, offset: number) => unknown;
  if (kind === 'packed') {
    const dictionary = openDictionary(file);
    lookupAt = (text, offset) => dictionary.lookupWord(text, offset);
  } else {
    const db = new Database(file, { readonly: true });
    const find = db.prepare('SELECT traditional, simplified, pinyin, senses FROM entry WHERE traditional = @w UNION ALL SELECT traditional, simplified, pinyin, senses FROM entry WHERE simplified = @w AND traditional <> @w');
    const longest = (db.prepare('SELECT max(length(traditional)) AS n FROM entry').get() as { n: number }).n;
    // Zhongwen's longest match as written (no OpenCC folding): what a table lookup gives.
    lookupAt = (text, offset) => {
      for (let length = Math.min(longest, text.length - offset); length > 0; length--) {
        const rows = find.all({ w: text.slice(offset, offset + length) });
        if (rows.length > 0) return rows;
      }
      return null;
    };
  }
  const openMs = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const rssMb = (process.memoryUsage().rss - rss0) / 1e6;
  const samples: number[] = [];
  for (const text of texts) {
    for (let offset = 0; offset < text.length; offset++) {
      const s = performance.now();
      lookupAt(text, offset);
      samples.push(performance.now() - s);
    }
  }
  const report: ChildReport = { openMs, rssMb, lookupP50: percentile(samples, 50), lookupP95: percentile(samples, 95), lookups: samples.length };
  console.log(JSON.stringify(report));
}

/** The other way: one table of entries, indexed by both headwords, as a file beside the library. */
function buildSqlite(file: string): number {
  const t0 = performance.now();
  const db = new Database(file);
  db.exec('CREATE TABLE entry (traditional TEXT NOT NULL, simplified TEXT NOT NULL, pinyin TEXT NOT NULL, senses TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO entry VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const line of readHanziCedict().split('\n')) {
      const e = parseCedictLine(line);
      if (e) insert.run(e.traditional, e.simplified, e.pinyinNumbered, e.senses.join('/'));
    }
  })();
  db.exec('CREATE INDEX entry_traditional ON entry(traditional); CREATE INDEX entry_simplified ON entry(simplified); VACUUM');
  db.close();
  return performance.now() - t0;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function measureDictionary(packedFile = path.join(repo, process.env.PIZHU_OUT_DIR ?? 'out', 'main', 'dictionary', 'cedict.pzd')): Figure[] {
  if (!fs.existsSync(packedFile)) throw new Error(`${packedFile} is missing: run npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-dictionary-bench-'));
  try {
    const sqliteFile = path.join(dir, 'dictionary.sqlite');
    const sqliteBuildMs = buildSqlite(sqliteFile);
    const packed = child('packed', packedFile);
    const sqlite = child('sqlite', sqliteFile);
    const size = (file: string) => fs.statSync(file).size;
    const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    return [
      {
        figure: 'dictionary: open (packed file + the OpenCC converters lookups fold through), fresh process',
        p50: null,
        p95: null,
        value: `${packed.openMs.toFixed(0)} ms`,
        budget: '< 300 ms, off the first paint',
        pass: packed.openMs < 300,
        peer: `${sqlite.openMs.toFixed(0)} ms (SQLite table; ${(sqliteBuildMs / 1000).toFixed(1)} s to build at first run)`,
      },
      {
        figure: `dictionary: lookup at a place, longest match in any script (${packed.lookups} places)`,
        p50: packed.lookupP50,
        p95: packed.lookupP95,
        value: `${packed.lookupP95.toFixed(2)} ms`,
        budget: 'p95 < 5 ms',
        pass: packed.lookupP95 < 5,
        peer: `${sqlite.lookupP95.toFixed(2)} ms (SQLite, as written only)`,
      },
      {
        figure: 'dictionary: memory once open (resident set growth)',
        p50: null,
        p95: null,
        value: `${packed.rssMb.toFixed(0)} MB`,
        budget: '— (reported)',
        pass: true,
        peer: `${sqlite.rssMb.toFixed(0)} MB (SQLite)`,
      },
      {
        figure: 'dictionary: installer size (file, gzip -9)',
        p50: null,
        p95: null,
        value: `${mb(size(packedFile))}, ${mb(gzipped(packedFile))} gzip'd`,
        budget: '— (reported)',
        pass: true,
        peer: `${mb(size(sqliteFile))}, ${mb(gzipped(sqliteFile))} gzip'd (SQLite)`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  runChild(process.argv[3] as 'packed' | 'sqlite', process.argv[4]!);
} else if (require.main === module) {
  const figures = measureDictionary(process.argv[2]);
  for (const f of figures) console.log(`${f.figure}: ${f.value} [${f.budget}] ${f.pass ? 'pass' : 'FAIL'}; peer ${f.peer ?? ''}`);
}
