import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLauncher, electronPackageDir, type LauncherFiles } from '../../e2e/fixtures/findLauncher';
import { ensureElectron, installerTimeoutMs, runElectronInstaller, type InstallerResult } from '../../e2e/fixtures/ensureElectron';
import { prepareLauncher } from '../../e2e/fixtures/reportLauncher';
import type { SqliteRebuildDeps, StepResult } from '../../e2e/fixtures/sqliteForElectron';

const installJs = path.join(electronPackageDir, 'install.js');
const pathTxt = path.join(electronPackageDir, 'path.txt');
const binary = path.join(electronPackageDir, 'dist', 'electron');

/** A machine: which files exist, and what electron's installer would do on it. */
function machine(options: { files?: string[]; network?: boolean; reason?: string } = {}) {
  const files = new Map<string, string>((options.files ?? [installJs]).map((file) => [file, file === pathTxt ? 'electron\n' : '']));
  const fakeFs: LauncherFiles = {
    existsSync: (file) => files.has(String(file)),
    readFileSync: ((file: string) => {
      const content = files.get(String(file));
      if (content === undefined) throw new Error(`ENOENT ${String(file)}`);
      return content;
    }) as LauncherFiles['readFileSync'],
  };
  const installerCalls: number[] = [];
  const runInstaller = (timeoutMs: number): InstallerResult => {
    installerCalls.push(timeoutMs);
    if (!options.network) return { ok: false, reason: options.reason ?? "electron's install.js exited 1: TypeError: fetch failed" };
    files.set(pathTxt, 'electron');
    files.set(binary, '');
    return { ok: true };
  };
  return { files: fakeFs, runInstaller, installerCalls };
}

const person = {} as NodeJS.ProcessEnv; // no CI
const chromium = '/usr/bin/chromium';

describe('the e2e step on a fresh machine (electron 45 no longer fetches its binary at install)', () => {
  it('fetches the binary with electron’s own installer, bounded in time, and then the real app is what runs', () => {
    const m = machine({ network: true });
    expect(chooseLauncher(person, m.files).kind).toBe('none'); // the old failure: neither launcher
    const result = ensureElectron({ env: person, files: m.files, runInstaller: m.runInstaller });
    expect(m.installerCalls).toEqual([installerTimeoutMs]);
    expect(installerTimeoutMs).toBeLessThanOrEqual(120_000);
    expect(result.exitCode).toBe(0);
    expect(result.line).toBe(`Electron's binary was downloaded (${binary}); the e2e specs drive the real app.`);
    expect(chooseLauncher(person, m.files)).toEqual({ kind: 'electron', executablePath: binary });
  });

  it('says in one line that it falls back to Chromium when the download fails', () => {
    const m = machine({ files: [installJs, chromium] });
    const result = ensureElectron({ env: person, files: m.files, runInstaller: m.runInstaller });
    expect(m.installerCalls).toHaveLength(1);
    expect(result).toEqual({
      exitCode: 0,
      line: `Electron's binary could not be downloaded (electron's install.js exited 1: TypeError: fetch failed); the e2e specs run in Chromium instead (${chromium}).`,
    });
    expect(result.line).not.toContain('\n');
    expect(chooseLauncher(person, m.files).kind).toBe('chromium');
  });

  it('stops with a clear message and a non-zero exit when there is neither Electron nor Chromium', () => {
    const m = machine();
    const result = ensureElectron({ env: person, files: m.files, runInstaller: m.runInstaller });
    expect(result.exitCode).toBe(1);
    expect(result.line).toMatch(/^The e2e specs cannot run: Electron's binary could not be downloaded \(.*fetch failed\) and there is no Chromium at \/usr\/bin\/chromium\./);
    expect(result.line).toContain('PIZHU_CHROMIUM');
  });

  it('does nothing when the binary is already there', () => {
    const m = machine({ files: [installJs, pathTxt, binary] });
    expect(ensureElectron({ env: person, files: m.files, runInstaller: m.runInstaller })).toEqual({ exitCode: 0 });
    expect(m.installerCalls).toEqual([]);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH without downloading', () => {
    const m = machine({ files: [installJs, '/opt/electron/electron'] });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(ensureElectron({ env, files: m.files, runInstaller: m.runInstaller })).toEqual({ exitCode: 0 });
    expect(m.installerCalls).toEqual([]);
  });

  it('does not try under CI (no internet there) unless PIZHU_FETCH_ELECTRON=1', () => {
    const ci = machine({ files: [installJs, chromium], network: true });
    const result = ensureElectron({ env: { CI: 'true' }, files: ci.files, runInstaller: ci.runInstaller });
    expect(ci.installerCalls).toEqual([]);
    expect(result.line).toBe(
      `Electron's binary is not installed (not fetched under CI; PIZHU_FETCH_ELECTRON=1 tries); the e2e specs run in Chromium instead (${chromium}).`,
    );

    const asked = machine({ files: [installJs, chromium], network: true });
    const fetched = ensureElectron({ env: { CI: 'true', PIZHU_FETCH_ELECTRON: '1' }, files: asked.files, runInstaller: asked.runInstaller });
    expect(asked.installerCalls).toHaveLength(1);
    expect(fetched.line).toMatch(/drive the real app/);
  });

  it.each([
    ['PIZHU_E2E_LAUNCHER=chromium', { PIZHU_E2E_LAUNCHER: 'chromium' }, undefined],
    ['ELECTRON_SKIP_BINARY_DOWNLOAD=1', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, /is not installed \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/],
  ] as const)('does not download with %s', (_name, env, line) => {
    const m = machine({ files: [installJs, chromium], network: true });
    const result = ensureElectron({ env, files: m.files, runInstaller: m.runInstaller });
    expect(m.installerCalls).toEqual([]);
    expect(result.exitCode).toBe(0);
    if (line) expect(result.line).toMatch(line);
    else expect(result.line).toBeUndefined();
  });

  it('does not download when the electron package itself is missing', () => {
    const m = machine({ files: [chromium], network: true });
    expect(ensureElectron({ env: person, files: m.files, runInstaller: m.runInstaller }).line).toMatch(
      /is not installed \(the electron package is not installed\); the e2e specs run in Chromium instead/,
    );
    expect(m.installerCalls).toEqual([]);
  });
});

describe('running the installer', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-installer-'));
  const script = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return file;
  };

  it('gives up on an installer that never answers, within its time limit', () => {
    const started = Date.now();
    const result = runElectronInstaller(1_000, script('hangs.js', 'setInterval(() => {}, 1000);'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toEqual({ ok: false, reason: 'no answer within 1 s' });
  });

  it('turns a failed installer’s stack trace into its first line', () => {
    const result = runElectronInstaller(10_000, script('fails.js', "console.error(new TypeError('fetch failed').stack); process.exit(1);"));
    expect(result).toEqual({ ok: false, reason: "electron's install.js exited 1: TypeError: fetch failed" });
  });

  it('reports success', () => {
    expect(runElectronInstaller(10_000, script('works.js', 'process.exit(0);'))).toEqual({ ok: true });
  });
});

describe('the real app needs better-sqlite3 built for Electron, the tests need it built for Node', () => {
  const electronThere = machine({ files: [installJs, pathTxt, binary, chromium] }).files;
  function sqlite(loads: boolean[], rebuild: StepResult = { ok: true }) {
    const scripts: string[] = [];
    const deps: SqliteRebuildDeps = {
      loadsInElectron: () => loads.shift() ?? false,
      runScript: (name) => (scripts.push(name), rebuild),
    };
    return { deps, scripts };
  }

  it('rebuilds it for Electron before the specs and puts the Node build back after', () => {
    const { deps, scripts } = sqlite([false, true]);
    const prepared = prepareLauncher(person, electronThere, deps);
    expect(prepared).toEqual({ choice: { kind: 'electron', executablePath: binary }, restoreNodeBuild: true });
    expect(scripts).toEqual(['rebuild:electron']);
  });

  it('leaves an Electron build that already loads alone', () => {
    const { deps, scripts } = sqlite([true]);
    expect(prepareLauncher(person, electronThere, deps).restoreNodeBuild).toBe(false);
    expect(scripts).toEqual([]);
  });

  it('falls back to Chromium, in one line, when the Electron build cannot be made', () => {
    const { deps } = sqlite([false], { ok: false, reason: 'npm run rebuild:electron failed: gyp ERR! connect ETIMEDOUT' });
    const prepared = prepareLauncher(person, electronThere, deps);
    expect(prepared.choice).toEqual({ kind: 'chromium', executablePath: chromium });
    expect(prepared.note).toBe(
      'better-sqlite3 could not be built for Electron (npm run rebuild:electron failed: gyp ERR! connect ETIMEDOUT); the e2e specs run in Chromium instead.',
    );
    expect(prepared.restoreNodeBuild).toBe(true);
  });

  it('refuses to run, clearly, when neither launcher can', () => {
    const noChromium = machine({ files: [installJs, pathTxt, binary] }).files;
    expect(() => prepareLauncher(person, noChromium, sqlite([false], { ok: false, reason: 'offline' }).deps)).toThrow(
      /better-sqlite3 could not be built for Electron \(offline\), and there is no Chromium either/,
    );
    expect(() => prepareLauncher(person, machine().files, sqlite([]).deps)).toThrow(/No Electron binary .* and no Chromium at/);
  });

  it('never touches the native module on the Chromium launcher', () => {
    const { deps, scripts } = sqlite([]);
    const prepared = prepareLauncher({ PIZHU_E2E_LAUNCHER: 'chromium' }, electronThere, deps);
    expect(prepared).toEqual({ choice: { kind: 'chromium', executablePath: chromium }, restoreNodeBuild: false });
    expect(scripts).toEqual([]);
  });
});
