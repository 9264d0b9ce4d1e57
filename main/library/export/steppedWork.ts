/**
 * Long work written once as a generator that yields between steps: run at once (the CLI, the
 * tests), or with a pause at each step so the app's main process answers the window meanwhile
 * (an export of 100,000 files, and the progress it asks for).
 *
 * A step may yield a promise (files being written by a worker thread): runStepsAsync
 * waits for it and hands back what it gave, or throws its error into the work, so the work's
 * own clean-up runs. Work run by runSteps never yields one.
 */
export type Steps<T> = Generator<void | Promise<unknown>, T, unknown>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (next.value instanceof Promise) throw new Error('work run at once waits for nothing (runStepsAsync)');
  }
}

export async function runStepsAsync<T>(steps: Steps<T>): Promise<T> {
  let resumeWith: { value: unknown } | { error: unknown } = { value: undefined };
  for (;;) {
    const next: IteratorResult<void | Promise<unknown>, T> =
      'error' in resumeWith ? steps.throw(resumeWith.error) : steps.next(resumeWith.value);
    if (next.done) return next.value;
    if (next.value instanceof Promise) {
      try {
        resumeWith = { value: await next.value };
      } catch (error) {
        resumeWith = { error };
      }
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
      resumeWith = { value: undefined };
    }
  }
}
