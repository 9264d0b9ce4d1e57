/**
 * The import's parse worker thread (see fileParser.ts): reads and parses batches of files while
 * the main thread stores the batch before. It never touches the database.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseAnswer, ParseRequest } from './parseProtocol';
import { prepareFile } from './prepareFile';

parentPort?.on('message', ({ id, files }: ParseRequest) => {
  let answer: ParseAnswer;
  try {
    answer = { id, prepared: files.map(prepareFile) };
  } catch (error) {
    // The main thread parses this batch itself, so a bug surfaces there with its own stack.
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
