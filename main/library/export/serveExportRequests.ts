import { hash } from 'node:crypto';
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { openRenderShare, type RenderedFile, type RenderShare, type ShareOptions } from './renderShare';

/** A batch for the export worker: one message each way (a message per file cost more than the writing). */
export type ExportRequest =
  | { id: number; op: 'write'; files: Array<{ temporary: string; content: string }> }
  | { id: number; op: 'publish'; files: Array<{ temporary: string; file: string; create: boolean }> }
  /** Opens the connection of this worker's share of the rendering (renderShare). */
  | { id: number; op: 'open'; share: ShareOptions }
  /**
   * Begins the share's snapshot, while the main thread waits on `signal` (Atomics.wait, its
   * writes held off): set to 1 once begun, 2 when it failed.
   */
  | { id: number; op: 'begin'; signal: SharedArrayBuffer }
  /** Renders and writes these articles' files (each its RenderedFile, or null when nothing was written). */
  | { id: number; op: 'render'; files: Array<{ article: number; temporary: string }> }
  /** Ends the share's snapshot. */
  | { id: number; op: 'end' };

/**
 * The answer: per file done, `write` the SHA-256 of the bytes written (the manifest's, hashed
 * here rather than on the main thread, which renders meanwhile), `publish` whether it was put
 * at its name; `failed` names the first file that failed (nothing after it was done) and the
 * file system's error code.
 */
export interface ExportAnswer {
  id: number;
  results: Array<boolean | string | RenderedFile | null>;
  failed?: { index: number; code: string };
}

/** The worker side of backgroundFileWriter, on `port` (exportWorkerEntry's parentPort). */
export function serveExportRequests(port: Pick<MessagePort, 'on' | 'postMessage'>): void {
  /** This worker's share of an export's rendering, once opened. */
  const state: { share: RenderShare | null } = { share: null };
  port.on('message', (request: ExportRequest) => port.postMessage(answer(request, state)));
}

function answer(request: ExportRequest, state: { share: RenderShare | null }): ExportAnswer {
  const results: ExportAnswer['results'] = [];
  try {
    if (request.op === 'open') {
      state.share?.end();
      state.share = openRenderShare(request.share);
    } else if (request.op === 'begin') {
      const signal = new Int32Array(request.signal);
      try {
        if (state.share === null) throw new Error('no share was opened');
        state.share.begin();
        Atomics.store(signal, 0, 1);
      } catch (error) {
        Atomics.store(signal, 0, 2);
        throw error;
      } finally {
        Atomics.notify(signal, 0);
      }
    } else if (request.op === 'render') {
      if (state.share === null) throw new Error('no share was opened');
      state.share.render(request.files, writeTemporary, results as Array<RenderedFile | null>);
    } else if (request.op === 'end') {
      const share = state.share;
      state.share = null;
      share?.end();
    } else if (request.op === 'write') {
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
