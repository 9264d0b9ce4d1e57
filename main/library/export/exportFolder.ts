import fs from 'node:fs';
import path from 'node:path';
import type { KeptExportFile, KeptReason, MarkdownExportReport, MergedExportFile } from '../../../preload/contract/api';
import { keepUnreadableManifest, readManifest, writeManifest } from './exportManifest';
import { canMerge, type MergedFile } from './mergeExportedFile';
import { startBackgroundFileWriter, type BackgroundFileWriter, type StartExportWorker } from './backgroundFileWriter';
import {
  ensureFolder,
  publishCreated,
  publishReplacing,
  removeFile,
  sha256,
  temporaryNameFor,
  writeTemporaryAt,
} from '../files/writeTextFile';
import { runSteps, type Steps } from './steppedWork';

/** The library an export writes for, as the folder's manifest names it. */
export interface ExportWriter {
  /** The identity written into the manifest for every file this export writes. */
  id: string;
  /** Earlier identities of the same library, whose files are this library's too. */
  alsoMine: readonly string[];
}

type NameState = 'free' | 'ours' | KeptReason;

interface Planned {
  name: string;
  /** What was added; let go once staged, unless it is to be merged again at commit (`merge`). */
  content: string;
  article: number | undefined;
  /** The name was free when planned: created without replacing anything. */
  create: boolean;
  /** Writes `content` around what the person wrote in the file there now; null when it cannot. */
  merge?: Merge;
  /** Its content written under a hidden temporary name, as soon as it was added. */
  staged?: Staged;
}

/** The new content merged with a file's current text (mergeExportedFile). */
export type Merge = (existing: string) => MergedFile | null;

/** What commit() writes for one planned file, and the bytes it read to make it. */
interface Composed {
  content: string;
  merged: MergedFile | null;
  /** SHA-256 of the file it merged with; null when it merged with none. */
  from: string | null;
}

/** A planned file's content in its temporary: what commit() puts at its name. */
interface Staged {
  temporary: string;
  /** SHA-256 of the content written ('' until the background writer has written it). */
  hash: string;
  merged: MergedFile | null;
  from: string | null;
  /** The write by the background writer (its batch's), until it is known to have finished. */
  writing: Promise<void> | null;
}

/** A planned file at commit: created, written over this library's own, or kept as it is. */
type PlannedWrite =
  { kind: 'create' | 'replace'; file: string; staged: Staged } | { kind: 'keep'; reason: KeptReason; staged: Staged };

/** Puts one staged file at its name now; false when a created file's name was taken meanwhile. */
function publishNow(w: PlannedWrite): boolean {
  if (w.kind === 'keep') return false;
  if (w.kind === 'create') return publishCreated(w.staged.temporary, w.file);
  publishReplacing(w.staged.temporary, w.file);
  return true;
}

/** publishNow for a batch, by the background writer: the files kept are not sent. */
async function publishLater(writer: BackgroundFileWriter, writes: readonly PlannedWrite[]): Promise<boolean[]> {
  const sent = writes.filter((w) => w.kind !== 'keep');
  const published = await writer.publish(
    sent.map((w) => ({ temporary: w.staged.temporary, file: w.file, create: w.kind === 'create' })),
  );
  let k = 0;
  return writes.map((w) => (w.kind === 'keep' ? false : published[k++]!));
}

/** Every promise settled, then the first failure thrown: nothing is still writing when the export stops. */
async function settleAll<T>(work: ReadonlyArray<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** How many `(Pizhu n)` names beside a taken one are tried before the file is skipped. */
const maxAlternatives = 50;
/** Files written between two pauses of commitSteps: a few milliseconds of work. */
const stepFiles = 200;

/**
 * An export folder as one library sees it: Pizhu replaces or removes a file only when the
 * folder's manifest says this library wrote it and its bytes are still what was written.
 * A file this library wrote in marked regions (an article's) that the person has written in
 * since is written anew with what they wrote carried over (mergeExportedFile), and reported.
 * Every other file is kept; what Pizhu meant to write there goes beside it, and the report
 * says which files were kept and why.
 */
export function openExportFolder(
  folder: string,
  writer: ExportWriter,
  { background: startWorker }: { background?: StartExportWorker | undefined } = {},
) {
  /** Files are written by the export worker it starts, each pause's at once (commitSteps run by runStepsAsync only). */
  const parallel = startWorker !== undefined;
  const library = writer.id;
  const isMine = (entry: { library: string }) => entry.library === library || writer.alsoMine.includes(entry.library);
  ensureFolder(folder);
  const { manifest, unreadable } = readManifest(folder);
  /**
   * The folder's names when it was opened, folded as foldName does: a name not among them is
   * free without an lstat per file (a first export writes thousands). One made meanwhile is
   * found when the file is created (publishCreated looks just before its rename), as before.
   */
  const present = foldedNames(folder);
  const planned: Planned[] = [];
  const plannedByName = new Map<string, Planned>();
  /** Names taken by this export, folded as a case-insensitive, normalising file system would. */
  const reserved = new Set<string>();
  const kept: KeptExportFile[] = [];
  /** Staged writes by the background writer (parallel): those since the last pause, and those before it. */
  let writingNow: Array<Promise<void>> = [];
  let writingBefore: Array<Promise<void>> = [];
  /** Files the export worker renders and writes itself (stageWrittenElsewhere): awaited at commit only. */
  let writtenElsewhere: Array<Promise<void>> = [];
  /** Whether stage() hands its writes to the background writer: not while the worker renders a share (its thread is busy then). */
  let stageInBackground = parallel;
  /** The worker that writes (parallel): started with the first file staged, stopped at the end. */
  let background: BackgroundFileWriter | null = null;
  const backgroundWriter = () => (background ??= startBackgroundFileWriter(startWorker!));

  /** SHA-256 of the bytes in each of this library's unchanged files, as state() last read them. */
  const ownHashes = new Map<string, string>();

  /**
   * `folded`: foldName(name), where the caller has it already (each name of an export is placed once).
   * `read`: given the SHA-256 of the file's bytes where they were read (null where they were not or could not be).
   */
  function state(name: string, folded?: string, read?: { hash: string | null }): NameState {
    if (present !== null && !present.has(folded ?? foldName(name))) return 'free';
    const file = path.join(folder, name);
    let stat: fs.Stats | undefined;
    try {
      // No exception for a free name (most names of a first export): throwing one per file cost more than the lstat.
      stat = fs.lstatSync(file, { throwIfNoEntry: false });
    } catch {
      return 'not-written-by-pizhu';
    }
    if (stat === undefined) return 'free';
    const entry = manifest.get(name);
    if (!entry) return 'not-written-by-pizhu';
    if (!isMine(entry)) return 'other-library';
    if (!stat.isFile()) return 'changed-since-export';
    let hash: string;
    try {
      hash = sha256(fs.readFileSync(file));
    } catch {
      return 'changed-since-export';
    }
    if (read) read.hash = hash;
    if (hash !== entry.sha256 && hash !== entry.pending) return 'changed-since-export';
    ownHashes.set(name, hash);
    return 'ours';
  }

  /**
   * What commit() does, pausing (yielding) every few files. Every file is in its temporary by
   * then (add() staged it); the manifest is written with what is about to be put in place, then
   * each file is put at its name: renamed there when nothing is there (looked up just before,
   * never replacing what appeared since it was planned), or renamed over this library's own.
   * `parallel`: each pause's files by the background writer in one batch (a promise yielded to
   * runStepsAsync). The same files either way, reported in order. On any failure the
   * temporaries not yet put in place are removed.
   */
  function* commitSteps(
    onProgress?: (done: number) => void,
  ): Steps<Pick<MarkdownExportReport, 'files' | 'merged' | 'kept'>> {
    try {
      // A name placed but never added is written empty, as it always was.
      for (const p of planned) if (p.staged === undefined) stage(p);
      if (parallel) {
        background?.flush();
        yield settleAll([...writingBefore, ...writingNow, ...writtenElsewhere]);
      }
      writingBefore = [];
      writingNow = [];
      writtenElsewhere = [];
      planned.forEach((p) => {
        const before = manifest.get(p.name);
        const hash = p.staged!.hash;
        if (hash === '') throw new Error(`${p.name} was not written before the commit`);
        const article = p.article === undefined ? {} : { article: p.article };
        // A created file is recognised by what it will hold (nothing of this library's is there to
        // recognise): entered as it will be once written, so a first export's manifest, written
        // once here, needs no second write when every file was put in place.
        if (p.create) manifest.set(p.name, { library, sha256: hash, ...article });
        else
          manifest.set(p.name, {
            library,
            sha256: ownHashes.get(p.name) ?? before?.sha256 ?? hash,
            pending: hash,
            ...article,
          });
      });
      /** Whether the manifest differs from what was written just below: written again at the end only then. */
      let changed = false;
      if (unreadable) keepUnreadableManifest(folder, new Date());
      writeManifest(folder, manifest);

      const files: string[] = [];
      const merged: MergedExportFile[] = [];
      /** A batch looked at and (parallel) sent to the worker; its answer not yet taken. */
      const sendBatch = (from: number) => {
        const batch = planned.slice(from, from + stepFiles);
        const writes = batch.map(plannedWrite);
        const published = parallel ? publishLater(backgroundWriter(), writes) : null;
        // Awaited in order below; a failure of one sent ahead of a failed batch is not left unhandled.
        published?.catch(() => undefined);
        return { batch, writes, published };
      };
      let ahead: ReturnType<typeof sendBatch> | null = null;
      for (let from = 0; from < planned.length; from += stepFiles) {
        if (from > 0) yield;
        const { batch, writes, published: sent } = ahead ?? sendBatch(from);
        // The next batch is sent before this one's answer is awaited: the worker renames it while
        // this thread takes the answer in, where one batch at a time left each thread waiting for
        // the other (and, on a busy machine, for a core) 500 times in an export of 100,000 files.
        // Its names are not this batch's (reserved apart), so neither batch's outcome bears on the other's.
        ahead = parallel && from + stepFiles < planned.length ? sendBatch(from + stepFiles) : null;
        const published = sent ? ((yield sent) as boolean[]) : writes.map(publishNow);
        batch.forEach((p, k) => {
          const w = writes[k]!;
          const file = path.join(folder, p.name);
          if (w.kind === 'keep' || !published[k]) {
            // Changed since it was exported, or (created) someone made a file of this name since it was planned: theirs stays.
            if (w.kind === 'keep') removeTemporaryOf(p);
            manifest.delete(p.name);
            changed = true;
            kept.push({
              path: file,
              reason: w.kind === 'keep' ? w.reason : 'not-written-by-pizhu',
              writtenInstead: null,
            });
            return;
          }
          p.staged = undefined;
          const m = w.staged.merged;
          if (w.kind === 'replace' && m && m.additions + m.editedBlocks + m.properties > 0) {
            merged.push({ path: file, additions: m.additions, editedBlocks: m.editedBlocks, properties: m.properties });
          }
          const entry = manifest.get(p.name)!;
          if (entry.pending !== undefined || entry.sha256 !== w.staged.hash) {
            entry.sha256 = w.staged.hash;
            delete entry.pending;
            changed = true;
          }
          files.push(file);
          onProgress?.(files.length);
        });
      }

      if (removeRenamed()) changed = true;
      // Entries this export did not write keep any `pending` of an export that stopped: their file may hold it.
      if (changed) writeManifest(folder, manifest);
      background?.close();
      return { files, merged, kept };
    } catch (error) {
      discard();
      throw error;
    }
  }

  /**
   * Writes a planned file's content (merged with the file there now, if it merges) under a
   * temporary name at once: by the background writer (a worker thread) when `inBackground`.
   */
  function stage(p: Planned, inBackground = stageInBackground): void {
    const composed = compose(p);
    const file = path.join(folder, p.name);
    const temporary = temporaryNameFor(file);
    // Here: encoded once, for the file and its hash.
    const bytes = inBackground ? null : Buffer.from(composed.content, 'utf8');
    const staged: Staged = {
      temporary,
      // By the background writer: the hash of what it wrote, known once it has (the commit waits for every write).
      hash: bytes === null ? '' : sha256(bytes),
      merged: composed.merged,
      from: composed.from,
      writing: null,
    };
    p.staged = staged;
    if (inBackground) {
      const writing = backgroundWriter()
        .write(temporary, file, composed.content)
        .then((hash) => {
          staged.hash = hash;
        });
      staged.writing = writing;
      writingNow.push(writing);
      // Its failure is thrown where the writes are awaited (a pause, the commit), not left unhandled.
      writing.catch(() => undefined);
    } else {
      writeTemporaryAt(temporary, file, bytes!);
    }
    // Only a file to be merged again at commit (the person saved meanwhile) needs its content kept:
    // a created one lets go of it, and of what it would have merged (all its regions).
    if (p.create || !p.merge) {
      p.content = '';
      delete p.merge;
    }
  }

  /** A planned file's temporary gone: now, or when its write by the background writer has finished. */
  function removeTemporaryOf(p: Planned): void {
    const staged = p.staged;
    if (staged === undefined) return;
    p.staged = undefined;
    const remove = () => fs.rmSync(staged.temporary, { force: true });
    if (staged.writing === null) remove();
    else void staged.writing.then(remove, remove);
  }

  /** Every temporary this export wrote and did not put in place, removed (an export that failed or stopped). */
  function discard(): void {
    // What was queued and never sent settles at close (nothing of it written); what was sent, once written.
    background?.close();
    for (const p of planned) removeTemporaryOf(p);
    writingNow = [];
    writingBefore = [];
    writtenElsewhere = [];
  }

  /**
   * At a pause of the rendering (parallel): a promise of the writes staged before the previous
   * pause, so rendering runs one step ahead of the disk and no further (the files waiting to be
   * written are held in memory). Undefined when there is nothing to wait for.
   */
  function writesBehind(): Promise<unknown> | undefined {
    background?.flush();
    const waitFor = writingBefore;
    writingBefore = writingNow;
    writingNow = [];
    return waitFor.length === 0 ? undefined : settleAll(waitFor);
  }

  return {
    /**
     * Where the file Pizhu names `name` goes in this export: that name when it is free, holds
     * this library's unchanged export, or (`regioned`) this library's export edited since with
     * its regions intact, to merge with; otherwise `stem (Pizhu).md`, `stem (Pizhu 2).md`…
     * (the same one every time), with the file at `name` reported kept. Null when no name
     * is usable: the file is skipped, and reported.
     */
    place(name: string, article?: number, regioned = false): string | null {
      const folded = foldName(name);
      const first = state(name, folded);
      const usable =
        first === 'free' || first === 'ours' || (regioned && first === 'changed-since-export' && mergeable(name));
      if (usable && !reserved.has(folded)) return reserve(name, article, first === 'free', folded);
      // Joined only here: for every free name of an export of 100,000 files it was a cost of its own.
      const wanted = path.join(folder, name);
      // Usable but taken by another file of this export (names one file system folds together): nothing to keep.
      const reason: KeptReason | null = usable ? null : first;
      const extension = path.extname(name);
      const stem = name.slice(0, name.length - extension.length);
      for (let n = 1; n <= maxAlternatives; n++) {
        const alternative = `${stem} (Pizhu${n === 1 ? '' : ` ${n}`})${extension}`;
        if (reserved.has(foldName(alternative))) continue;
        const alternativeState = state(alternative);
        if (alternativeState !== 'free' && alternativeState !== 'ours') continue;
        if (reason !== null) kept.push({ path: wanted, reason, writtenInstead: path.join(folder, alternative) });
        return reserve(alternative, article, alternativeState === 'free');
      }
      kept.push({ path: wanted, reason: reason ?? 'not-written-by-pizhu', writtenInstead: null });
      return null;
    },

    /**
     * Queues `content` for a name place() gave, with how to merge it into the file there when
     * the person has written in it. Nothing is written before commit().
     */
    add(name: string, content: string, merge?: Merge): void {
      const item = plannedByName.get(name);
      if (!item) throw new Error(`${name} was not placed in this export`);
      item.content = content;
      if (merge) item.merge = merge;
      stage(item);
    },

    /**
     * Writes every queued file, then removes this library's earlier files for the same
     * articles under other names (a renamed article), if nobody changed them. The manifest
     * is written first with what is about to be written, then again with what was.
     */
    commit(onProgress?: (done: number) => void): Pick<MarkdownExportReport, 'files' | 'merged' | 'kept'> {
      return runSteps(commitSteps(onProgress));
    },

    /** commit() in steps: it pauses (yields) every few files, so an app can answer meanwhile (runStepsAsync). */
    commitSteps,

    writesBehind,

    /** Whether place() gave `name` as free: created at commit, with nothing to merge with. */
    isCreated(name: string): boolean {
      return plannedByName.get(name)?.create === true;
    },

    /**
     * A created name's file rendered and written by another thread (the export worker's share)
     * under `temporary`: `written` settles with the SHA-256 of the bytes written, or null when
     * it wrote nothing (the name is then given up, as if never placed). Awaited at commit.
     */
    stageWrittenElsewhere(name: string, temporary: string, written: Promise<string | null>): void {
      const p = plannedByName.get(name);
      if (!p?.create || p.staged !== undefined) throw new Error(`${name} is not a created name of this export`);
      const staged: Staged = { temporary, hash: '', merged: null, from: null, writing: null };
      p.staged = staged;
      const writing = written.then((hash) => {
        if (hash === null) unplace(p);
        else staged.hash = hash;
      });
      staged.writing = writing;
      writtenElsewhere.push(writing);
      writing.catch(() => undefined);
    },

    /** The export worker (started now), where this folder's writes are parallel; else undefined. */
    backgroundWriter(): BackgroundFileWriter | undefined {
      return parallel ? backgroundWriter() : undefined;
    },

    /** Files staged from now on are written on this thread (the worker renders a share meanwhile). */
    writeHere(): void {
      background?.flush();
      stageInBackground = false;
    },

    /** Removes what this export staged: for an export that stops before commit(). */
    discard,
  };

  /**
   * What putting `p` in place comes to now: created where the name was free when planned (never
   * replacing what appeared since), written over this library's file (merged again with what
   * the person saved meanwhile), or kept, when the file is no longer this library's to replace.
   */
  function plannedWrite(p: Planned): PlannedWrite {
    const file = path.join(folder, p.name);
    let staged = p.staged!;
    if (p.create) return { kind: 'create', file, staged };
    // The bytes there now, read once for both questions (a re-export read every file of the folder twice here).
    const read: { hash: string | null } = { hash: null };
    const now = state(p.name, undefined, read);
    const mine = now === 'ours' || now === 'changed-since-export';
    // The file changed since it was composed (the person saved again): composed and staged again from what is there now.
    if (mine && p.merge && read.hash !== staged.from) {
      removeTemporaryOf(p);
      stage(p, false);
      staged = p.staged!;
    }
    if (!mine || (now !== 'ours' && staged.merged === null))
      return { kind: 'keep', reason: 'changed-since-export', staged };
    return { kind: 'replace', file, staged };
  }

  /** Whether the file at `name` is one mergeExportedFile can read: Pizhu's regions, intact. */
  function mergeable(name: string): boolean {
    try {
      return canMerge(fs.readFileSync(path.join(folder, name), 'utf8'));
    } catch {
      return false;
    }
  }

  /** What to write for `p`: its content, or that merged with the file there now when it has a merge. */
  function compose(p: Planned): Composed {
    if (p.create || !p.merge) return { content: p.content, merged: null, from: null };
    let existing: Buffer;
    try {
      existing = fs.readFileSync(path.join(folder, p.name));
    } catch {
      return { content: p.content, merged: null, from: null };
    }
    const merged = p.merge(existing.toString('utf8'));
    if (merged === null) return { content: p.content, merged: null, from: sha256(existing) };
    return { content: merged.content, merged, from: sha256(existing) };
  }

  /** A placed name given up before its file was written: free again, nothing written for it. */
  function unplace(p: Planned): void {
    const at = planned.indexOf(p);
    if (at >= 0) planned.splice(at, 1);
    plannedByName.delete(p.name);
    reserved.delete(foldName(p.name));
    p.staged = undefined;
  }

  function reserve(name: string, article: number | undefined, create: boolean, folded = foldName(name)): string {
    reserved.add(folded);
    const item: Planned = { name, content: '', article, create };
    planned.push(item);
    plannedByName.set(name, item);
    return name;
  }

  /** This library's files for the exported articles under names this export did not write; whether it took any entry out of the manifest. */
  function removeRenamed(): boolean {
    let removed = false;
    const exported = new Map<number, string>();
    for (const p of planned) if (p.article !== undefined) exported.set(p.article, p.name);
    for (const [name, entry] of [...manifest]) {
      if (!isMine(entry) || entry.article === undefined) continue;
      if (!exported.has(entry.article) || reserved.has(foldName(name))) continue;
      const current = state(name);
      const file = path.join(folder, name);
      if (current === 'ours') removeFile(file);
      else if (current !== 'free' && !kept.some((k) => k.path === file)) {
        kept.push({ path: file, reason: current, writtenInstead: null });
      }
      // Removed, gone, or the person's now: no longer Pizhu's to track.
      manifest.delete(name);
      removed = true;
    }
    return removed;
  }
}

export type ExportFolder = ReturnType<typeof openExportFolder>;

/** The folded names of a folder's entries, or null when it cannot be listed (each name is then looked up). */
function foldedNames(folder: string): Set<string> | null {
  try {
    return new Set(fs.readdirSync(folder).map(foldName));
  } catch {
    return null;
  }
}

/** Names that one file system or another treats as the same file: case and Unicode normalisation. */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
