import { applyAll, applyBatchLimit } from '../applyUpdates';
import type { SyncEndpoint, SyncUpdate } from '../syncEndpoint';

interface Waiting extends SyncUpdate {
  /** Hears the endpoint's refusal of this update, or undefined once it is taken. */
  done: (refusal: unknown) => void;
}

/**
 * Gathers the updates the server sends for many documents at once (a first sync has dozens in
 * flight) and gives them to the endpoint together, in arrival order: one transaction for up to
 * applyBatchLimit, not one each. Gathered until the socket's messages of the moment are read
 * (setImmediate), so one edit still reaches the library at once.
 */
export class BatchedApply {
  private waiting: Waiting[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly endpoint: SyncEndpoint) {}

  /** Queues an update; `done` is called once it is applied (undefined) or refused (the error). */
  add(name: string, update: Uint8Array, done: (refusal: unknown) => void): void {
    this.waiting.push({ name, update, done });
    if (this.waiting.length >= applyBatchLimit) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Applies everything queued now. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, applyBatchLimit);
      const refused = applyAll(this.endpoint, batch);
      for (const entry of batch) {
        const refusal = refused.find((r) => r.name === entry.name);
        entry.done(refusal?.error);
      }
    }
  }
}
