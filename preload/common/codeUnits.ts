/**
 * A growable buffer of UTF-16 code units. The converter passes text between its stages in
 * these, reused from call to call, instead of building a string per stage and per segment:
 * converting a paragraph then allocates its output string and little else (DESIGN §4).
 */

/** Code points are built from at most this many code units at a time (a safe argument count). */
const chunk = 4096;

export class CodeUnits {
  units: Uint16Array;
  length = 0;

  constructor(capacity = 256) {
    this.units = new Uint16Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  /** Makes room for `extra` more units. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.units.length) return;
    const grown = new Uint16Array(Math.max(needed, this.units.length * 2));
    grown.set(this.units.subarray(0, this.length));
    this.units = grown;
  }

  appendString(s: string): void {
    const n = s.length;
    this.reserve(n);
    const u = this.units;
    let o = this.length;
    for (let k = 0; k < n; k++) u[o++] = s.charCodeAt(k);
    this.length = o;
  }

  /** Appends from[start, end). `from` may be another buffer's units, never this one's. */
  appendRange(from: Uint16Array, start: number, end: number): void {
    this.reserve(end - start);
    const u = this.units;
    let o = this.length;
    for (let k = start; k < end; k++) u[o++] = from[k]!;
    this.length = o;
  }

  toString(): string {
    const u = this.units;
    const n = this.length;
    // apply accepts any array-like; the typed array's own type does not say so.
    if (n <= chunk) return String.fromCharCode.apply(null, u.subarray(0, n) as unknown as number[]);
    let s = '';
    for (let k = 0; k < n; k += chunk) {
      s += String.fromCharCode.apply(null, u.subarray(k, Math.min(n, k + chunk)) as unknown as number[]);
    }
    return s;
  }
}
