import type { Worker } from 'node:worker_threads';
import { LibraryError } from '../libraryError';
import type { Db } from './openDatabase';
import { preparedStatement } from './preparedStatements';
import { quickCheckFile } from './quickCheck';

/** Starts store/quickCheckEntry from wherever the caller's build put it, for the file given. */
export type StartQuickCheckWorker = (filePath: string) => Worker;

/**
 * Whether the library may be written. At start a large library's quick_check runs in a worker
 * after the open (openDatabase's deferQuickCheck), so the list shows without waiting for it;
 * meanwhile the connection is query_only, so nothing can write to a file not yet known whole,
 * and callers hold their writes back on whenWritable.
 */
export interface IntegrityGate {
  /** 'checking' while the check runs; 'damaged' for the rest of the session when it found damage (until a restore). */
  state(): 'checking' | 'whole' | 'damaged';
  /** Settles once the check is done, whatever it found. */
  whenChecked(): Promise<void>;
  /** Resolves once writes are allowed; rejects with a library-corrupt LibraryError when the check found damage. */
  whenWritable(): Promise<void>;
  /** A restore put a checked file in place on a new connection: writes are allowed again, and a check of the old file still running no longer counts. */
  replacedByCheckedFile(): void;
}

/** The gate of a library checked before it was opened (the CLI, tests, a migrated or newly made file). */
export function checkedAtOpen(): IntegrityGate {
  return {
    state: () => 'whole',
    whenChecked: () => Promise.resolve(),
    whenWritable: () => Promise.resolve(),
    replacedByCheckedFile: () => {},
  };
}

/**
 * Runs quick_check of `filePath` in a worker while `db()` stays read-only (query_only). Whole:
 * writes are allowed. Damaged: the connection stays read-only for the whole session and every
 * write is refused with a message saying so. A worker that cannot run falls back to checking
 * on this thread: slower to start, never unchecked.
 */
export function deferredQuickCheck(db: () => Db, filePath: string, start: StartQuickCheckWorker): IntegrityGate {
  db().pragma('query_only = ON');
  let generation = 0;
  let state: { kind: 'checking' } | { kind: 'whole' } | { kind: 'damaged'; error: LibraryError } = { kind: 'checking' };
  let settle: () => void = () => {};
  const checked = new Promise<void>((resolve) => (settle = resolve));

  const finish = (forGeneration: number, found: string | null) => {
    if (forGeneration !== generation || state.kind !== 'checking') return;
    if (found === null) {
      db().pragma('query_only = OFF');
      state = { kind: 'whole' };
    } else {
      state = {
        kind: 'damaged',
        error: new LibraryError(
          'library-corrupt',
          `The library file is damaged (${found}). Pizhu found this just after opening it and has written nothing to it since; nothing can be changed until a backup is restored (File ▸ Restore from automatic backup).`,
          filePath,
        ),
      };
    }
    settle();
  };

  const mine = generation;
  let worker: Worker | undefined;
  try {
    worker = start(filePath);
  } catch {
    worker = undefined;
  }
  if (!worker) finish(mine, quickCheckFile(filePath));
  else {
    let answered = false;
    worker.once('message', (found: string | null) => {
      answered = true;
      finish(mine, found);
    });
    // A failing worker reports an error and then its exit: checked here once, not twice.
    const fallBack = () => {
      if (answered) return;
      answered = true;
      finish(mine, quickCheckFile(filePath));
    };
    worker.once('error', fallBack);
    // Not unref'd: a process awaiting whenWritable (a script, the bench) must live until the answer.
    worker.once('exit', fallBack);
  }

  return {
    state: () => state.kind,
    whenChecked: () => checked,
    whenWritable: () =>
      checked.then(() => {
        if (state.kind === 'damaged') throw state.error;
      }),
    replacedByCheckedFile: () => {
      generation++;
      state = { kind: 'whole' };
      settle();
    },
  };
}

/**
 * Runs `writeTemp`, whose statements write this connection's TEMP tables only (never the
 * library file), also while the connection is held query_only, which refuses TEMP writes too
 * (a tag-filtered search's rows): the flag is lifted for this synchronous span alone, in which
 * nothing else can run on the connection.
 */
export function writingTempOnly<T>(db: Db, writeTemp: () => T): T {
  if (preparedStatement(db, 'PRAGMA query_only').pluck().get() !== 1) return writeTemp();
  db.pragma('query_only = OFF');
  try {
    return writeTemp();
  } finally {
    db.pragma('query_only = ON');
  }
}
