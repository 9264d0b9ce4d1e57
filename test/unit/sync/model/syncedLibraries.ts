import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createLibrary, type Library } from '../../../../main/library/createLibrary';
import { articleText, setHighlightRange } from '../syncedArticle';
import { exchangeDocs } from '../exchangeDocs';

export { articleText };

export interface Device {
  name: string;
  library: Library;
  articleId: number;
  /** The article's paragraphs by position (ord), as this device numbers them. */
  paragraphId(ord: number): number;
  /** A change of a highlight's range, as a future "adjust highlight" operation would make it: one journaled step. */
  setRange(highlightId: number, start: number, end: number): void;
}

/** Libraries on temporary files, each with the article imported. `dispose` closes and removes them. */
export async function openDevices(count: number): Promise<{ devices: Device[]; dispose: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-sync-model-'));
  const devices: Device[] = [];
  for (let i = 0; i < count; i++) {
    const name = String.fromCharCode(65 + i);
    // Named as the app names a device (its computer's name), for conflict notices to name it.
    const library = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`), deviceName: `laptop ${name}` });
    const outcome = library.importText(articleText, '城市与河流');
    if (outcome.articleId === undefined) throw new Error(`The article was not imported on ${name}.`);
    const articleId = outcome.articleId;
    const device: Device = {
      name,
      library,
      articleId,
      paragraphId(ord) {
        const found = device.library.getArticle(articleId).paragraphs.find((p) => p.order === ord);
        if (!found) throw new Error(`No paragraph ${ord} on ${name}.`);
        return found.id;
      },
      setRange(highlightId, start, end) {
        setHighlightRange(device.library, highlightId, start, end);
      },
    };
    devices.push(device);
  }
  return {
    devices,
    dispose() {
      for (const d of devices) d.library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every device sends every other what it lacks (exchangeDocs) until a round changes nothing; returns how many rounds that took. */
export function syncAll(devices: readonly Device[]): number {
  return exchangeDocs(devices.map((d) => d.library));
}

/** Every device's dumps, as text: equal texts are equal states. */
export function dumpsOf(devices: readonly Device[]): { docs: string[]; rows: string[] } {
  return {
    docs: devices.map((d) => JSON.stringify(d.library.sync.dump())),
    rows: devices.map((d) => JSON.stringify(d.library.sync.projectionDump())),
  };
}

/**
 * For a test file: `devices(n)` opens n devices for the running test, closed and removed after it.
 * Call once at the top of the file (it registers the afterEach).
 */
export function devicesPerTest(): (count: number) => Promise<Device[]> {
  let dispose: (() => void) | undefined;
  afterEach(() => {
    dispose?.();
    dispose = undefined;
  });
  return async (count) => {
    const opened = await openDevices(count);
    dispose = opened.dispose;
    return opened.devices;
  };
}

/** After syncing, every device holds the same documents and projects the same rows. */
export function expectConverged(all: readonly Device[]): void {
  syncAll(all);
  const { docs, rows } = dumpsOf(all);
  for (const d of docs) expect(d).toBe(docs[0]);
  for (const r of rows) expect(r).toBe(rows[0]);
}

/** Rebuilding each device's rows from its documents alone gives the rows kept incrementally. */
export function expectRebuildSame(all: readonly Device[]): void {
  for (const d of all) {
    const incremental = JSON.stringify(d.library.sync.projectionDump());
    d.library.sync.rebuildProjection();
    expect(JSON.stringify(d.library.sync.projectionDump())).toBe(incremental);
  }
}

/** Tag names with how many paragraphs of the device's article carry each, as the person sees them. */
export function tagUses(d: Device): Record<string, number> {
  const article = d.library.getArticle(d.articleId);
  const uses: Record<string, number> = {};
  for (const name of d.library.annotations.listTags().map((t) => t.name)) {
    uses[name] = Object.values(article.paragraphTags).filter((tags) => tags.includes(name)).length;
  }
  return uses;
}

/** Each paragraph's tags as a person sees them, by position. */
export const paragraphTags = (d: Device): Record<string, string[]> => {
  const article = d.library.getArticle(d.articleId);
  const ordOf = new Map(article.paragraphs.map((p) => [p.id, p.order]));
  return Object.fromEntries(
    Object.entries(article.paragraphTags).map(([id, tags]) => [String(ordOf.get(Number(id))), [...tags].sort()]),
  );
};
