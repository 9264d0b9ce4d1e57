/**
 * Where each UTF-16 offset of `from` (a source's text as the project holds it) falls in `to`
 * (the same text as Pizhu's import decoded it): equal but for carriage returns the decoding
 * dropped or a byte order mark it kept. Null when the two differ otherwise.
 */
export function alignText(from: string, to: string): Int32Array | null {
  const map = new Int32Array(from.length + 1);
  let i = 0;
  let j = to.charCodeAt(0) === 0xfeff && from.charCodeAt(0) !== 0xfeff ? 1 : 0;
  while (i < from.length) {
    if (j < to.length && from.charCodeAt(i) === to.charCodeAt(j)) {
      map[i++] = j++;
    } else if (from.charCodeAt(i) === 0x0d) {
      map[i++] = j;
    } else {
      return null;
    }
  }
  map[from.length] = j;
  return j === to.length ? map : null;
}
