/**
 * Long work written once as a generator that yields between steps: run at once (the CLI, the
 * tests), or with a pause at each step so the app's main process answers the window meanwhile
 * (an export of 100,000 files, and the progress it asks for).
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runStepsAsync<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
