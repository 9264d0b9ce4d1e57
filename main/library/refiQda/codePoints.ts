/**
 * REFI-QDA counts positions in Unicode code points (spec §10.2); JavaScript strings index
 * UTF-16 units. The two differ only after an astral character (𠮷, emoji), one code point
 * written as two units.
 */

/** The code point offsets of every UTF-16 offset of `text` (length + 1 entries; a low surrogate shares its pair's). */
export function codePointOffsets(text: string): Uint32Array {
  const map = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = n;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      map[i + 1] = n;
      i++;
    }
    n++;
  }
  map[text.length] = n;
  return map;
}

/** The UTF-16 offset of every code point offset of `text` (count + 1 entries). */
export function utf16Offsets(text: string): number[] {
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) i++;
  }
  map.push(text.length);
  return map;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
