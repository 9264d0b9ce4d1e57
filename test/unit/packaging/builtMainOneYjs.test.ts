import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const yjsLoadedTwice = 'Yjs was already imported';

/**
 * The built main bundle run by plain Node, as the app, `pizhu` and `npx pizhu-sync-server`
 * run it — not Vitest's module graph, which loads one Yjs whatever the build does. Two copies
 * of Yjs (yjs.cjs required by main, yjs.mjs imported by @lexical/yjs, which is ESM only) make
 * every instanceof between them fail: createYjsBinding refused each note's text.
 */
describe('the built main bundle holds one Yjs', () => {
  let outDir: string;
  beforeAll(() => {
    // A build of its own (never a stale out/; PIZHU_OUT_DIR is the config's output folder), inside
    // the repository as out/ is, so the bundle finds the dependencies it leaves external.
    fs.mkdirSync(path.join(repo, 'test-results'), { recursive: true });
    outDir = fs.mkdtempSync(path.join(repo, 'test-results', 'one-yjs-'));
    const built = spawnSync(process.execPath, [path.join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: repo,
      env: { ...process.env, PIZHU_OUT_DIR: outDir },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
  }, 250_000);
  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('the CLI loads every chunk of main, @lexical/yjs among them, with Yjs loaded once', () => {
    const cli = path.join(outDir, 'main', 'cli.js');
    // Yjs marks globalThis when it loads and says so on stderr when a second copy loads.
    const child = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(cli)}); process.stdout.write(String(globalThis['__ $YJS$ __'] === true));`],
      { cwd: os.tmpdir(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).not.toContain(yjsLoadedTwice);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('true');
  });

  it('`pizhu stats` from the built CLI on a new library answers, with nothing on stderr', () => {
    const dir = fs.mkdtempSync(path.join(outDir, 'library-'));
    // As bin/pizhu.cjs runs out/main/cli.js.
    const pizhu = path.join(outDir, 'pizhu.cjs');
    fs.writeFileSync(pizhu, "require('./main/cli.js').runFromProcess();\n");
    const child = spawnSync(process.execPath, [pizhu, 'stats', '--db', path.join(dir, 'library.sqlite')], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/articles/i);
  });
});
