import { parse } from 'yaml';
import { parseRegions, trimBlankLines } from './markedRegions';
import { propertiesLine, propertyHash, renderRegionedFile, type RegionedFile } from './regionedFile';

/** What a re-export kept of the person's in a file Pizhu wrote before. */
export interface MergedFile {
  content: string;
  /** Passages the person wrote outside Pizhu's regions, carried to the same places. */
  additions: number;
  /** Pizhu blocks the person edited: their version kept, marked, after Pizhu's new one. */
  editedBlocks: number;
  /** Properties the person added or changed, kept. */
  properties: number;
}

/**
 * The new export of a file merged with the file as it is now (Pizhu's earlier export, perhaps
 * edited in Obsidian): Pizhu's regions and properties are written anew; everything the person
 * wrote outside the regions is carried over, each passage after the region it followed (or the
 * nearest earlier one still exported); a region the person edited is kept in their version,
 * under a line saying so, after Pizhu's new one; a property Pizhu does not own stays, and one it
 * owns that the person changed is kept as `<key>_yours` (tags: the person's are added to Pizhu's).
 * No line the person wrote is dropped. Null when the file cannot be read that way (no regions,
 * markers broken by hand, front matter that is not a mapping): the caller keeps it whole.
 */
export function mergeExportedFile(existing: string, fresh: RegionedFile, exportedAt: string): MergedFile | null {
  const read = readExported(existing);
  if (read === null) return null;
  const { split, oldHashes, segments } = read;

  // Properties: Pizhu's anew; the person's own kept; Pizhu's the person changed kept as theirs.
  const fields: Record<string, RegionedFile['fields'][string]> = { ...fresh.fields };
  const extra: Record<string, unknown> = {};
  let properties = 0;
  for (const [key, value] of Object.entries(split.fields)) {
    if (!Object.hasOwn(fresh.fields, key)) {
      extra[key] = value;
      properties++;
      continue;
    }
    const now = propertyHash(value);
    if (oldHashes?.get(key) === now || now === propertyHash(fresh.fields[key])) continue;
    const ours = fields[key];
    if (
      key === 'tags' &&
      Array.isArray(ours) &&
      (Array.isArray(value) || typeof value === 'string' || value === null)
    ) {
      const list: unknown[] = Array.isArray(value) ? value : value === null ? [] : [value];
      const added = list.filter((t): t is string => typeof t === 'string' && !(ours as readonly string[]).includes(t));
      fields.tags = [...(ours as readonly string[]), ...added];
      if (added.length > 0) properties++;
      // Anything in their list that is not a tag name (a number, a list) is kept beside as it was.
      if (list.every((t) => typeof t === 'string')) continue;
    }
    properties++;
    extra[freeKey(`${key}_yours`, split.fields, extra)] = value;
  }

  // The body: each passage of the person's goes after the region it followed.
  const exported = new Set(fresh.regions.map((r) => r.id));
  const carried = new Map<string, string[]>();
  const carry = (anchor: string, text: string) => {
    const list = carried.get(anchor) ?? [];
    list.push(text);
    carried.set(anchor, list);
  };
  const day = exportedAt.slice(0, 10);
  let anchor = '';
  let additions = 0;
  let editedBlocks = 0;
  for (const segment of segments) {
    if (segment.kind === 'outside') {
      const text = trimBlankLines(segment.lines).join('\n');
      if (text !== '') {
        carry(anchor, text);
        additions++;
      }
      continue;
    }
    const stillExported = exported.has(segment.id);
    if (stillExported) anchor = segment.id;
    if (!segment.edited || segment.body === '') continue;
    editedBlocks++;
    const what = stillExported ? 'the Pizhu block above' : 'a Pizhu block this export no longer has';
    carry(anchor, `*✎ Your edited version of ${what}, kept as you wrote it (Pizhu re-export, ${day}):*`);
    carry(anchor, segment.body);
  }
  return { content: renderRegionedFile(fresh, { extra, fields, text: carried }), additions, editedBlocks, properties };
}

/** Whether mergeExportedFile can tell Pizhu's regions and properties in `existing` from the person's. */
export function canMerge(existing: string): boolean {
  return readExported(existing) !== null;
}

function readExported(existing: string) {
  // Read as Pizhu wrote it whatever an editor did to line ends or a byte-order mark.
  const split = splitFrontMatter(existing.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (split === null) return null;
  let { body } = split;
  let oldHashes: Map<string, string> | null = null;
  const lines = body.split('\n');
  // Where Pizhu put it, under the front matter, unless the person wrote above it.
  const firstRegion = lines.findIndex((line) => line.startsWith('<!-- pizhu:begin '));
  const first = lines.findIndex((line, i) => propertiesLine.test(line) && (firstRegion < 0 || i < firstRegion));
  const marker = first < 0 ? null : propertiesLine.exec(lines[first]!);
  if (marker) {
    oldHashes = new Map(
      marker[1]!
        .trim()
        .split(' ')
        .filter((pair) => pair !== '')
        .map((pair) => pair.split('=') as [string, string]),
    );
    body = [...lines.slice(0, first), ...lines.slice(first + 1)].join('\n');
  }
  const segments = parseRegions(body);
  if (segments === null || !segments.some((s) => s.kind === 'region')) return null;
  return { split, oldHashes, segments };
}

/**
 * The front matter's properties and the text after it. A file without front matter has none;
 * null when the front matter is there but is not a YAML mapping (nothing to tell apart).
 */
function splitFrontMatter(text: string): { fields: Record<string, unknown>; body: string } | null {
  if (!text.startsWith('---\n')) return { fields: {}, body: text };
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return null;
  const yamlText = text.slice(4, 3 + close.index + 1);
  let fields: unknown;
  try {
    fields = yamlText.trim() === '' ? {} : parse(yamlText);
  } catch {
    return null;
  }
  if (fields === null) fields = {};
  if (typeof fields !== 'object' || Array.isArray(fields)) return null;
  return { fields: fields as Record<string, unknown>, body: text.slice(3 + close.index + close[0].length) };
}

/** `wanted`, or `wanted_2`, `wanted_3`… whichever neither the file nor the kept properties use. */
function freeKey(wanted: string, ...taken: readonly Record<string, unknown>[]): string {
  const used = (key: string) => taken.some((t) => Object.hasOwn(t, key));
  if (!used(wanted)) return wanted;
  let n = 2;
  while (used(`${wanted}_${n}`)) n++;
  return `${wanted}_${n}`;
}
