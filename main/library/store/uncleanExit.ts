import fs from 'node:fs';

/**
 * Tells whether the last process that had a library open ended without closing it (a crash, a
 * kill, a power cut), so that the next open checks every checksum. A marker file beside the
 * library, `library.sqlite.open`, holds the pid of the process that has it open; close removes
 * it. At open, a marker whose process is gone, or a non-empty `-wal` that no live process owns
 * (SQLite removes it at a clean close), means the last exit was unclean.
 */
export interface OpenMarker {
  /** Removes the marker: call it after the database is closed. */
  release(): void;
}

/** The markers this process holds, so that a marker with our own pid that we did not write (a copied file) counts as stale. */
const held = new Set<string>();

export function markerPathOf(dbPath: string): string {
  return `${dbPath}.open`;
}

/** Read before the library is opened (opening replays and may remove the -wal). */
export function previousExitWasUnclean(dbPath: string): boolean {
  const holder = markerHolder(dbPath);
  if (holder !== undefined && isLiveHolder(dbPath, holder)) return false;
  if (holder !== undefined) return true;
  try {
    return fs.statSync(`${dbPath}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Marks the library open by this process. When another live process holds the marker (the app,
 * while a CLI command reads), it is left alone and this open does not own it. A read-only open
 * never takes it over: a stale marker stays for the next writer's check.
 */
export function markOpen(dbPath: string, options: { readOnly?: boolean } = {}): OpenMarker {
  if (options.readOnly) return { release() {} };
  const holder = markerHolder(dbPath);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) return { release() {} };
  const file = markerPathOf(dbPath);
  try {
    fs.writeFileSync(file, `${process.pid}\n`);
  } catch {
    // A marker that cannot be written costs only the check after a crash, never the open.
    return { release() {} };
  }
  held.add(dbPath);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.delete(dbPath);
      if (markerHolder(dbPath) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function markerHolder(dbPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(markerPathOf(dbPath), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch {
    return undefined;
  }
}

function isLiveHolder(dbPath: string, pid: number): boolean {
  return pid === process.pid ? held.has(dbPath) : isAlive(pid);
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
