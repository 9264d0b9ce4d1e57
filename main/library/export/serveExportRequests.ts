import { hash } from 'node:crypto';
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';

/** A batch for the export worker: one message each way (a message per file cost more than the writing). */
export type ExportRequest =
  | { id: number; op: 'write'; files: Array<{ temporary: string; content: string }> }
  | { id: number; op: 'publish'; files: Array<{ temporary: string; file: string; create: boolean }> };

/**
 * The answer: per file done, `write` the SHA-256 of the bytes written (the manifest's, hashed
 * here rather than on the main thread, which renders meanwhile), `publish` whether it was put
 * at its name; `failed` names the first file that failed (nothing after it was done) and the
 * file system's error code.
 */
export interface ExportAnswer {
  id: number;
  results: Array<boolean | string>;
  failed?: { index: number; code: string };
}

/** The worker side of backgroundFileWriter, on `port` (exportWorkerEntry's parentPort). */
export function serveExportRequests(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  port.on('message', (request: ExportRequest) => port.postMessage(answer(request)));
}

function answer(request: ExportRequest): ExportAnswer {
  const results: Array<boolean | string> = [];
  try {
    if (request.op === 'write') {
      for (const f of request.files) {
        // Encoded once, for the file and its hash (writeTextFile's sha256 hashes the same UTF-8).
        const bytes = Buffer.from(f.content, 'utf8');
        writeTemporary(f.temporary, bytes);
        results.push(hash('sha256', bytes, 'hex'));
      }
    } else {
      for (const f of request.files) results.push(publish(f));
    }
    return { id: request.id, results };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { id: request.id, results, failed: { index: results.length, code } };
  }
}

/** writeTemporaryAt: created exclusively, so nothing there is ever written over. */
function writeTemporary(temporary: string, content: Uint8Array): void {
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
  } catch (error) {
    // A half-written temporary is ours to remove; a file that was already there is not.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') removeQuietly(temporary);
    throw error;
  }
}

/** publishCreated (the name looked up just before, a file there kept) or publishReplacing. */
function publish(f: { temporary: string; file: string; create: boolean }): boolean {
  try {
    if (f.create && fs.lstatSync(f.file, { throwIfNoEntry: false }) !== undefined) {
      fs.unlinkSync(f.temporary);
      return false;
    }
    fs.renameSync(f.temporary, f.file);
    return true;
  } catch (error) {
    removeQuietly(f.temporary);
    throw error;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Already gone, or the folder went away: the failure reported is the one that matters.
  }
}
