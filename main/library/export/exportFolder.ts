import fs from 'node:fs';
import path from 'node:path';
import type { KeptExportFile, KeptReason, MarkdownExportReport } from '../../../preload/contract/api';
import { keepUnreadableManifest, readManifest, writeManifest } from './exportManifest';
import { createTextFile, ensureFolder, removeFile, sha256, writeTextFile } from './writeTextFile';

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
  content: string;
  article: number | undefined;
  /** The name was free when planned: created without replacing anything. */
  create: boolean;
}

/** How many `(Pizhu n)` names beside a taken one are tried before the file is skipped. */
const maxAlternatives = 50;

/**
 * An export folder as one library sees it: Pizhu replaces or removes a file only when the
 * folder's manifest says this library wrote it and its bytes are still what was written.
 * Every other file is kept; what Pizhu meant to write there goes beside it, and the report
 * says which files were kept and why.
 */
export function openExportFolder(folder: string, writer: ExportWriter) {
  const library = writer.id;
  const isMine = (entry: { library: string }) => entry.library === library || writer.alsoMine.includes(entry.library);
  ensureFolder(folder);
  const { manifest, unreadable } = readManifest(folder);
  const planned: Planned[] = [];
  const plannedByName = new Map<string, Planned>();
  /** Names taken by this export, folded as a case-insensitive, normalising file system would. */
  const reserved = new Set<string>();
  const kept: KeptExportFile[] = [];

  /** SHA-256 of the bytes in each of this library's unchanged files, as state() last read them. */
  const ownHashes = new Map<string, string>();

  function state(name: string): NameState {
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'free';
      return 'not-written-by-pizhu';
    }
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
    if (hash !== entry.sha256 && hash !== entry.pending) return 'changed-since-export';
    ownHashes.set(name, hash);
    return 'ours';
  }

  return {
    /**
     * Where the file Pizhu names `name` goes in this export: that name when it is free or
     * holds this library's unchanged export; otherwise `stem (Pizhu).md`, `stem (Pizhu 2).md`…
     * (the same one every time), with the file at `name` reported kept. Null when no name
     * is usable: the file is skipped, and reported.
     */
    place(name: string, article?: number): string | null {
      const first = state(name);
      const wanted = path.join(folder, name);
      const usable = first === 'free' || first === 'ours';
      if (usable && !reserved.has(foldName(name))) return reserve(name, article, first === 'free');
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

    /** Queues `content` for a name place() gave. Nothing is written before commit(). */
    add(name: string, content: string): void {
      const item = plannedByName.get(name);
      if (!item) throw new Error(`${name} was not placed in this export`);
      item.content = content;
    },

    /**
     * Writes every queued file, then removes this library's earlier files for the same
     * articles under other names (a renamed article), if nobody changed them. The manifest
     * is written first with what is about to be written, then again with what was.
     */
    commit(onProgress?: (done: number) => void): Pick<MarkdownExportReport, 'files' | 'kept'> {
      const hashes = planned.map((p) => sha256(p.content));
      planned.forEach((p, i) => {
        const before = manifest.get(p.name);
        const hash = hashes[i]!;
        manifest.set(p.name, {
          library,
          sha256: (p.create ? undefined : ownHashes.get(p.name)) ?? before?.sha256 ?? hash,
          pending: hash,
          ...(p.article === undefined ? {} : { article: p.article }),
        });
      });
      if (unreadable) keepUnreadableManifest(folder, new Date());
      writeManifest(folder, manifest);

      const files: string[] = [];
      planned.forEach((p, i) => {
        const file = path.join(folder, p.name);
        if (p.create) {
          if (!createTextFile(file, p.content)) {
            // Someone made a file of this name since it was planned: theirs stays.
            manifest.delete(p.name);
            kept.push({ path: file, reason: 'not-written-by-pizhu', writtenInstead: null });
            return;
          }
        } else if (state(p.name) === 'ours') {
          writeTextFile(file, p.content);
        } else {
          manifest.delete(p.name);
          kept.push({ path: file, reason: 'changed-since-export', writtenInstead: null });
          return;
        }
        const entry = manifest.get(p.name)!;
        entry.sha256 = hashes[i]!;
        delete entry.pending;
        files.push(file);
        onProgress?.(files.length);
      });

      removeRenamed();
      // Entries this export did not write keep any `pending` of an export that stopped: their file may hold it.
      writeManifest(folder, manifest);
      return { files, kept };
    },
  };

  function reserve(name: string, article: number | undefined, create: boolean): string {
    reserved.add(foldName(name));
    const item: Planned = { name, content: '', article, create };
    planned.push(item);
    plannedByName.set(name, item);
    return name;
  }

  /** This library's files for the exported articles under names this export did not write. */
  function removeRenamed(): void {
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
    }
  }
}

/** Names that one file system or another treats as the same file: case and Unicode normalisation. */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
