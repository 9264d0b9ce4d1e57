import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../../../main/library/search/searchFunctions';
import { expectIndexInStep } from '../../../support/searchIndexInStep';

const repo = path.resolve(__dirname, '../../../..');
const child = path.join(repo, 'test', 'support', 'crashChild.ts');
const seedsDir = path.join(repo, 'seeds');
const kills = 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-crash-'));
const dbPath = path.join(dir, 'library.sqlite');
const pids: number[] = [];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the child until it has acknowledged some writes, then SIGKILLs it at a random moment. */
function runAndKill(run: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Node itself with the tsx loader, not the tsx wrapper: the wrapper would take the SIGKILL and
    // leave the writing process running.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, seedsDir, `r${run}`], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const killAfter = 20 + Math.floor(Math.random() * 400);
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      timer ??= setTimeout(() => proc.kill('SIGKILL'), killAfter);
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    proc.on('exit', (_code, signal) => {
      pids.push(proc.pid ?? -1);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${err}`));
      // Only complete lines were acknowledged; a line cut by the kill is not counted.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('a killed process loses nothing it acknowledged', () => {
  it(`survives ${kills} SIGKILLs during imports and annotation writes`, async () => {
    const acknowledged: string[] = [];
    for (let run = 0; run < kills; run++) acknowledged.push(...(await runAndKill(run)));
    expect(acknowledged.length).toBeGreaterThan(kills);
    expect(pids.filter(isAlive), 'a killed writer is still running').toEqual([]);

    // Only now, with every writer dead (checked below), is the file read back.
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const has = {
      article: db.prepare('SELECT 1 FROM article WHERE id = ? AND title = ?'),
      highlight: db.prepare('SELECT 1 FROM highlight WHERE id = ?'),
      note: db.prepare('SELECT 1 FROM note WHERE paragraph_id = ? AND plain_text = ?'),
    };
    for (const line of acknowledged) {
      const [kind, a, b] = line.split(' ');
      const found =
        kind === 'article'
          ? has.article.get(Number(a), b)
          : kind === 'highlight'
            ? has.highlight.get(Number(a))
            : has.note.get(Number(a), b);
      expect(found, `acknowledged but missing: ${line}`).toBeDefined();
    }
    // All or nothing per article: every stored article has all its paragraphs (the raw text is there
    // and at least one paragraph; none has a gap in its order).
    const gaps = db
      .prepare(
        `SELECT a.id FROM article a LEFT JOIN paragraph p ON p.article_id = a.id
         GROUP BY a.id HAVING count(p.id) = 0 OR max(p.ord) + 1 != count(p.id)`,
      )
      .all();
    expect(gaps).toEqual([]);
    db.close();

    // The search index holds exactly the rows that survived: no token of a rolled-back write.
    const writable = new Database(dbPath);
    try {
      registerSearchFunctions(writable);
      expectIndexInStep(writable);
    } finally {
      writable.close();
    }
  }, 240_000);
});
