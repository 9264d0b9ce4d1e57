/**
 * Start-up order: main answers one request at a time, so anything the window asks for before
 * the library list's first page makes the list wait for it (the tag list alone took 0.2-0.45 s
 * at 5,000 tags). What the first screen does not need asks after that page is painted.
 */
let release: (() => void) | null = null;
let firstList: Promise<void> | null = null;

/** The library list is about to ask for its first page: what waits on it waits from now. */
export function expectFirstList(): void {
  firstList ??= new Promise<void>((resolve) => {
    release = resolve;
  });
}

/** The first page is painted (or failed): whatever waited asks now. */
export function markFirstListShown(): void {
  const done = release;
  release = null;
  if (!done) return;
  // After the frame that shows the rows, so the waiting requests do not delay their paint; a
  // window not shown yet draws no frames, so a timer lets them go anyway.
  requestAnimationFrame(() => setTimeout(done, 0));
  setTimeout(done, 250);
}

/** Resolves once the first list page is shown; at once when no list is expected (a dialog alone). */
export function afterFirstList(): Promise<void> {
  return firstList ?? Promise.resolve();
}
