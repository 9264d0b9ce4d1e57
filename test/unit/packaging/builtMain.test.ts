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
describe('the built main bundle', () => {
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

  it('requires at run time exactly the dependencies the packaged app carries, no more, no fewer', () => {
    // electron-builder copies `dependencies` (never devDependencies) into the app's node_modules:
    // a package main requires but does not list is missing from the installed app; one listed
    // but bundled or unused is a second copy shipped for nothing.
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([...requiredPackages(path.join(outDir, 'main'))].sort()).toEqual(Object.keys(manifest.dependencies).sort());
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

/** The packages the built files under `dir` load at run time (require and import()), Node's own modules and Electron aside. */
function requiredPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    // createRequire(__filename)("x"): a package loaded at its first use (import/lazyLinkedom), required all the same.
    for (const match of code.matchAll(/\b(?:require|import|createRequire\([^()]*\))\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('node:') || specifier === 'electron') continue;
      const parts = specifier.split('/');
      names.add(parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return names;
}
