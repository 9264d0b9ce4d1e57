/**
 * A sync server in a process of its own for measureServerMemory: started with --expose-gc and an
 * IPC channel, it says where it listens, and on 'measure' collects garbage until the heap stops
 * shrinking and answers with its memory and how many documents it holds open. A reading without
 * a collection first holds whatever garbage the last messages left (the old figure went
 * negative: 475 → 368 MB resident between two readings).
 */
import { startSyncServer } from '../../main/library/sync/server/syncServer';

export type ServerMemoryRequest = { type: 'measure' } | { type: 'stop' };
export type ServerMemoryReply =
  | { type: 'listening'; url: string }
  | { type: 'memory'; heapUsed: number; external: number; rss: number; documentsOpen: number }
  | { type: 'failed'; message: string };

const gc = (globalThis as { gc?: () => void }).gc;

async function collected(): Promise<NodeJS.MemoryUsage> {
  if (!gc) throw new Error('the server process needs --expose-gc');
  let last = Number.POSITIVE_INFINITY;
  // Weak references and finalizers let go of more on the next pass: collect until a pass frees under 64 KB.
  for (let pass = 0; pass < 10; pass++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const used = process.memoryUsage().heapUsed;
    if (last - used < 64 * 1024) break;
    last = used;
  }
  return process.memoryUsage();
}

async function main(): Promise<void> {
  const send = (reply: ServerMemoryReply) => process.send?.(reply);
  const dataDir = process.argv[2];
  if (!dataDir || !process.send) throw new Error('usage: forked with an IPC channel and the data directory');
  const server = await startSyncServer({ dataDir, port: 0 });
  process.on('message', (request: ServerMemoryRequest) => {
    void (async () => {
      try {
        if (request.type === 'measure') {
          const usage = await collected();
          send({
            type: 'memory',
            heapUsed: usage.heapUsed,
            external: usage.external,
            rss: usage.rss,
            documentsOpen: server.documentsOpen(),
          });
        } else {
          await server.close();
          process.disconnect();
        }
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  send({ type: 'listening', url: server.url });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
});
