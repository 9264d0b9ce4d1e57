/**
 * The packed dictionary file: CC-CEDICT built once (at `npm run build`) into a form that opens
 * by reading one file, with no parsing: typed arrays over the file's own bytes.
 *
 *   magic "PZCEDICT", u32 header length, header JSON (padded to 4 bytes), then, 4-byte aligned:
 *   keyStarts   u32[keys + 1]     where each headword starts in keyUnits
 *   postStarts  u32[keys + 1]     where each headword's entry ids start in posts
 *   posts       u32[…]            entry ids (in source order) of each headword
 *   lineStarts  u32[entries + 1]  where each entry's line starts in lines
 *   keyUnits    u16[…]            every headword's UTF-16 units, headwords sorted by code unit
 *   lines       UTF-8             each entry as its CC-CEDICT line
 *
 * Headwords are both scripts' (計程車 and 计程车 lead to the same entry), so a lookup is one
 * binary search over code units, with nothing decoded until an entry is found.
 */

import { cedictEdition, parseCedictLine } from './cedictSource';

/** The packed file's name; the build writes it to out/main/dictionary/, beside main's bundle. */
export const dictionaryFileName = 'cedict.pzd';

export const packMagic = 'PZCEDICT';
export const packFormat = 1;

export interface PackHeader {
  format: number;
  source: string;
  licence: string;
  edition: string;
  entries: number;
  keys: number;
  posts: number;
  keyUnits: number;
  lineBytes: number;
  /** The longest headword, in UTF-16 units: no lookup tries longer. */
  maxKeyLength: number;
  /** Characters CC-CEDICT calls a classifier ("classifier for …"): a number before one is a word. */
  classifiers: string;
}

export const cedictAttribution =
  'CC-CEDICT, community maintained, published by MDBG (https://cc-cedict.org/), licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)';

const align4 = (n: number) => (n + 3) & ~3;

export function packCedict(source: string): Uint8Array {
  const lines: string[] = [];
  const byKey = new Map<string, number[]>();
  const classifiers = new Set<string>();
  for (const line of source.split('\n')) {
    const entry = parseCedictLine(line);
    if (!entry) continue;
    const id = lines.length;
    lines.push(line.trimEnd());
    for (const key of new Set([entry.traditional, entry.simplified])) {
      const ids = byKey.get(key);
      if (ids) ids.push(id);
      else byKey.set(key, [id]);
    }
    if (entry.simplified.length === 1 && entry.senses.some((sense) => /\bclassifier\b/.test(sense))) {
      classifiers.add(entry.traditional).add(entry.simplified);
    }
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyUnits = keys.reduce((n, k) => n + k.length, 0);
  const posts = keys.reduce((n, k) => n + byKey.get(k)!.length, 0);
  const encoder = new TextEncoder();
  const encodedLines = lines.map((l) => encoder.encode(l));
  const lineBytes = encodedLines.reduce((n, l) => n + l.length, 0);

  const header: PackHeader = {
    format: packFormat,
    source: 'CC-CEDICT',
    licence: cedictAttribution,
    edition: cedictEdition(source).date,
    entries: lines.length,
    keys: keys.length,
    posts,
    keyUnits,
    lineBytes,
    maxKeyLength: keys.reduce((n, k) => Math.max(n, k.length), 0),
    classifiers: [...classifiers].sort().join(''),
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const headerEnd = align4(packMagic.length + 4 + headerBytes.length);
  const layout = packLayout(header, headerEnd);
  const out = new Uint8Array(layout.end);
  const view = new DataView(out.buffer);
  out.set(encoder.encode(packMagic), 0);
  view.setUint32(packMagic.length, headerBytes.length, true);
  out.set(headerBytes, packMagic.length + 4);

  const keyStarts = new Uint32Array(out.buffer, layout.keyStarts, keys.length + 1);
  const postStarts = new Uint32Array(out.buffer, layout.postStarts, keys.length + 1);
  const postIds = new Uint32Array(out.buffer, layout.posts, posts);
  const lineStarts = new Uint32Array(out.buffer, layout.lineStarts, lines.length + 1);
  const units = new Uint16Array(out.buffer, layout.keyUnits, keyUnits);
  let u = 0;
  let p = 0;
  keys.forEach((key, k) => {
    keyStarts[k] = u;
    postStarts[k] = p;
    for (let i = 0; i < key.length; i++) units[u++] = key.charCodeAt(i);
    for (const id of byKey.get(key)!) postIds[p++] = id;
  });
  keyStarts[keys.length] = u;
  postStarts[keys.length] = p;
  let b = 0;
  encodedLines.forEach((bytes, i) => {
    lineStarts[i] = b;
    out.set(bytes, layout.lines + b);
    b += bytes.length;
  });
  lineStarts[lines.length] = b;
  return out;
}

/** Byte offsets of each section, from the header's counts. */
export function packLayout(header: PackHeader, headerEnd: number) {
  const keyStarts = headerEnd;
  const postStarts = keyStarts + 4 * (header.keys + 1);
  const posts = postStarts + 4 * (header.keys + 1);
  const lineStarts = posts + 4 * header.posts;
  const keyUnits = lineStarts + 4 * (header.entries + 1);
  const lines = align4(keyUnits + 2 * header.keyUnits);
  return { keyStarts, postStarts, posts, lineStarts, keyUnits, lines, end: lines + header.lineBytes };
}
