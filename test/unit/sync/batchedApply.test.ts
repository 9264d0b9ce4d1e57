import { describe, expect, it } from 'vitest';
import { applyBatchLimit } from '../../../main/library/sync/applyUpdates';
import { BatchedApply } from '../../../main/library/sync/client/batchedApply';
import type { RefusedUpdate, SyncEndpoint, SyncUpdate } from '../../../main/library/sync/syncEndpoint';

/** An endpoint that records what it is given and refuses the documents named. */
function endpoint(refuse: readonly string[], withApplyMany: boolean) {
  const batches: string[][] = [];
  const applied: string[] = [];
  const apply = (name: string): void => {
    if (refuse.includes(name)) throw new Error(`${name} refused`);
    applied.push(name);
  };
  const side: SyncEndpoint = {
    deviceId: 'test',
    docNames: () => [],
    stateVector: () => new Uint8Array(),
    diff: () => new Uint8Array(),
    apply,
    onUpdate: () => () => undefined,
  };
  if (withApplyMany) {
    side.applyMany = (entries: readonly SyncUpdate[]): RefusedUpdate[] => {
      batches.push(entries.map((e) => e.name));
      const refused: RefusedUpdate[] = [];
      for (const { name } of entries) {
        try {
          apply(name);
        } catch (error) {
          refused.push({ name, error });
        }
      }
      return refused;
    };
  }
  return { side, batches, applied };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the updates the server sends, gathered for the library', () => {
  it('reach the endpoint together once the socket’s messages are read, in order; a refusal reaches only its own document', async () => {
    const { side, batches, applied } = endpoint(['article/b'], true);
    const batch = new BatchedApply(side);
    const heard = new Map<string, unknown>();
    for (const name of ['library', 'article/b', 'article/c'])
      batch.add(name, new Uint8Array([1]), (refusal) => heard.set(name, refusal));
    expect(applied).toEqual([]);
    await nextTurn();
    expect(batches).toEqual([['library', 'article/b', 'article/c']]);
    expect(applied).toEqual(['library', 'article/c']);
    expect(heard.get('library')).toBeUndefined();
    expect(heard.get('article/c')).toBeUndefined();
    expect(heard.get('article/b')).toEqual(new Error('article/b refused'));
  });

  it('never more than the limit at once, and nothing left waiting', async () => {
    const { side, batches } = endpoint([], true);
    const batch = new BatchedApply(side);
    let done = 0;
    const count = applyBatchLimit * 2 + 2;
    for (let i = 0; i < count; i++) batch.add(`article/${i}`, new Uint8Array([1]), () => (done += 1));
    await nextTurn();
    expect(batches.map((b) => b.length)).toEqual([applyBatchLimit, applyBatchLimit, 2]);
    expect(done).toBe(count);
  });

  it('an endpoint without applyMany is given each update alone, its refusals caught as well', () => {
    const { side, applied } = endpoint(['article/b'], false);
    const batch = new BatchedApply(side);
    const heard: unknown[] = [];
    for (const name of ['article/a', 'article/b']) batch.add(name, new Uint8Array([1]), (r) => heard.push(r));
    batch.flush();
    expect(applied).toEqual(['article/a']);
    expect(heard).toEqual([undefined, new Error('article/b refused')]);
  });
});
