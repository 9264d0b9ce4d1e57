import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../main/cli/pizhu';

export interface PizhuRun {
  code: number;
  /** What went to stdout, one line per write (as console.log would print them). */
  out: string;
  /** What went to stderr, as written: each message carries its own newline. */
  err: string;
}

/** Runs the command line in-process as a script would (no TTY), with `stdin` as its piped input. */
export async function runPizhu(args: readonly string[], stdin = ''): Promise<PizhuRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTty: false,
    readStdin: () => Promise.resolve(stdin),
  });
  return { code, out: out.join('\n'), err: err.join('') };
}

export interface TempLibraryPaths {
  /** A new empty folder for this test. */
  readonly dir: string;
  /** Where the library file goes in it (not created: the first command that needs it makes it). */
  readonly db: string;
}

/** A fresh temp folder for each test in the file, removed after it; read the paths inside a test or hook. */
export function tempLibraryEachTest(prefix: string): TempLibraryPaths {
  const paths = { dir: '', db: '' };
  beforeEach(() => {
    paths.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    paths.db = path.join(paths.dir, 'library.sqlite');
  });
  afterEach(() => fs.rmSync(paths.dir, { recursive: true, force: true }));
  return paths;
}
