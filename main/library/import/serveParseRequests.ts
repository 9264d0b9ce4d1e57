import { parentPort } from 'node:worker_threads';
import type { ParseAnswer, ParseJob, ParseRequest } from './parseProtocol';
import type { PreparedFile } from './prepareFile';

/**
 * The parse worker's side of parseProtocol: says it is ready, then answers job by job. `prepare`
 * is prepareJob in the app; tests pass one that spins or eats memory on a chosen file.
 */
export function serveParseRequests(prepare: (job: ParseJob) => PreparedFile): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', ({ id, first, jobs }: ParseRequest) => {
    jobs.forEach((job, i) => {
      let answer: ParseAnswer;
      try {
        answer = { id, index: first + i, prepared: prepare(job) };
      } catch (error) {
        answer = { id, index: first + i, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer);
    });
  });
  port.postMessage({ ready: true } satisfies ParseAnswer);
}
