import { LibraryError } from '../libraryError';
import { parseCedictLine, type CedictLine } from './cedictSource';
import { packFormat, packLayout, packMagic, type PackHeader } from './packDictionary';

/** The packed file (packDictionary.ts) read in place: headword -> entries by binary search. */
export interface PackedDictionary {
  readonly header: PackHeader;
  /** The ids of the entries with this headword in either script, in source order; [] when none. */
  idsOf(headword: string): readonly number[];
  /** idsOf, and whether a longer headword starts with this one: a longest match stops growing when none does. */
  find(headword: string): { ids: readonly number[]; longer: boolean };
  entry(id: number): CedictLine;
  /** Which characters are classifiers (a number before one makes a word: 三本, 5個). */
  isClassifier(character: string): boolean;
}

/** Views over the file's bytes; nothing is parsed until asked for. The bytes must stay unchanged. */
export function readPackedDictionary(file: Uint8Array): PackedDictionary {
  // Typed-array views need 4-byte alignment; a Buffer from a pool may not have it.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  const decoder = new TextDecoder();
  const magic = decoder.decode(bytes.subarray(0, packMagic.length));
  if (magic !== packMagic || bytes.length < packMagic.length + 4) throw damaged('it is not a packed dictionary');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(packMagic.length, true);
  const headerStart = packMagic.length + 4;
  let header: PackHeader;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(headerStart, headerStart + headerLength))) as PackHeader;
  } catch {
    throw damaged('its header is not readable');
  }
  if (header.format !== packFormat) throw damaged(`it is format ${String(header.format)}, this Pizhu reads ${packFormat}`);
  const layout = packLayout(header, (headerStart + headerLength + 3) & ~3);
  if (layout.end !== bytes.length) throw damaged('its length does not match its header');
  const at = bytes.byteOffset;
  const keyStarts = new Uint32Array(bytes.buffer, at + layout.keyStarts, header.keys + 1);
  const postStarts = new Uint32Array(bytes.buffer, at + layout.postStarts, header.keys + 1);
  const posts = new Uint32Array(bytes.buffer, at + layout.posts, header.posts);
  const lineStarts = new Uint32Array(bytes.buffer, at + layout.lineStarts, header.entries + 1);
  const units = new Uint16Array(bytes.buffer, at + layout.keyUnits, header.keyUnits);
  const lines = bytes.subarray(layout.lines, layout.end);
  const classifiers = new Set(header.classifiers);

  /** Headword k against `word`: negative when it sorts first (by UTF-16 code unit, as packed). */
  function compare(k: number, word: string): number {
    const start = keyStarts[k]!;
    const length = keyStarts[k + 1]! - start;
    const n = Math.min(length, word.length);
    for (let i = 0; i < n; i++) {
      const d = units[start + i]! - word.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - word.length;
  }

  /** Does headword k start with `prefix`, and is it longer? */
  function startsWith(k: number, prefix: string): boolean {
    if (k >= header.keys) return false;
    const start = keyStarts[k]!;
    if (keyStarts[k + 1]! - start <= prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (units[start + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  function find(headword: string): { ids: readonly number[]; longer: boolean } {
    let lo = 0;
    let hi = header.keys - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(mid, headword);
      if (c === 0) return { ids: Array.from(posts.subarray(postStarts[mid], postStarts[mid + 1])), longer: startsWith(mid + 1, headword) };
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    // Sorted by code unit, the headwords that start with it come right where it would stand.
    return { ids: [], longer: startsWith(lo, headword) };
  }

  return {
    header,
    idsOf: (headword) => find(headword).ids,
    find,
    entry(id) {
      const line = decoder.decode(lines.subarray(lineStarts[id], lineStarts[id + 1]));
      const parsed = parseCedictLine(line);
      if (!parsed) throw damaged(`entry ${id} is not a CC-CEDICT line`);
      return parsed;
    },
    isClassifier: (character) => classifiers.has(character),
  };
}

function damaged(why: string): LibraryError {
  return new LibraryError('internal', `The dictionary file is damaged (${why}); reinstall Pizhu to get it back.`);
}
