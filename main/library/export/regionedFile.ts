import { stringify } from 'yaml';
import { frontMatter, type FrontMatterValue } from './frontMatter';
import { regionText, type Region } from './markedRegions';
import { sha256 } from '../files/writeTextFile';

/** An exported file as Pizhu generates it: the properties it owns, then its marked regions in order. */
export interface RegionedFile {
  fields: Readonly<Record<string, FrontMatterValue>>;
  regions: readonly Region[];
}

/**
 * The line after the front matter naming, per property Pizhu wrote, a short hash of its value:
 * a later export tells from it which properties the person changed (markedRegions does the
 * same for the blocks). An HTML comment, so Obsidian shows nothing.
 */
export const propertiesLine = /^<!-- pizhu:properties((?: [A-Za-z0-9_]+=[0-9a-f]{8})*) -->$/;

/** The short hash of a property's value as YAML reads it back (so requoting by Obsidian is no change). */
export function propertyHash(value: unknown): string {
  const json = JSON.stringify(sameEmpty(value));
  let hash = propertyHashes.get(json);
  if (hash === undefined) {
    hash = sha256(json).slice(0, 8);
    // Most values repeat from file to file (exported_at, an empty source, the same tags): hashed
    // once each. Bounded, as values unique to one file (titles, links) pass through too.
    if (propertyHashes.size >= 4096) propertyHashes.clear();
    propertyHashes.set(json, hash);
  }
  return hash;
}

const propertyHashes = new Map<string, string>();

/** An empty list and no value read the same: Obsidian writes `tags:` for `tags: []`. */
function sameEmpty(value: unknown): unknown {
  return value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
}

/** What a re-export writes besides Pizhu's own (mergeExportedFile). */
export interface Carried {
  /** The person's own properties, after Pizhu's. */
  extra?: Readonly<Record<string, unknown>>;
  /** Pizhu's properties as written when they differ from `file.fields` (tags the person added). */
  fields?: RegionedFile['fields'];
  /** The person's text, keyed by the region it follows ('' for the top). */
  text?: ReadonlyMap<string, readonly string[]>;
}

/**
 * The file's text: front matter (Pizhu's properties in order, then the person's own), the
 * properties line, and each region with the person's text after it, blocks a blank line apart.
 * The properties line hashes `file.fields`, Pizhu's values: a value written otherwise (the
 * person's tags added) reads as the person's next time too.
 */
export function renderRegionedFile(file: RegionedFile, carried: Carried = {}): string {
  let head = frontMatter(carried.fields ?? file.fields);
  const extra = carried.extra ?? {};
  if (Object.keys(extra).length > 0) {
    head = `${head.slice(0, -'---\n'.length)}${stringify(extra, { lineWidth: 0 })}---\n`;
  }
  const hashes = Object.entries(file.fields).map(([key, value]) => ` ${key}=${propertyHash(value)}`);
  const blocks: string[] = [`<!-- pizhu:properties${hashes.join('')} -->`];
  const text = carried.text ?? new Map<string, readonly string[]>();
  blocks.push(...(text.get('') ?? []));
  for (const region of file.regions) {
    blocks.push(regionText(region).replace(/\n$/, ''));
    blocks.push(...(text.get(region.id) ?? []));
  }
  return `${head}${blocks.join('\n\n')}\n`;
}
