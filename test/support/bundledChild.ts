import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const repo = path.resolve(__dirname, '../..');

/**
 * A test's child script bundled once into one CommonJS file: a child started through the tsx
 * loader spends ~0.6 s compiling before its first write, the bundle ~0.1 s, which is what lets
 * the crash and fuzz tests start a hundred children in their time. better-sqlite3 stays outside
 * (a native module), found through the repository's node_modules.
 */
export function bundleChild(entry: string, outDir: string): (args: string[], options?: SpawnOptions) => ChildProcess {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return (args, options = {}) =>
    // Node itself, not a wrapper script: a SIGKILL must reach the process that writes.
    spawn(process.execPath, [outfile, ...args], {
      cwd: repo,
      ...options,
      env: { ...process.env, ...options.env, NODE_PATH: path.join(repo, 'node_modules') },
    });
}
