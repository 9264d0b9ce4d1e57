/**
 * How a conversion's output lines up with its input: a flat list of (input length, output
 * length) pairs covering both strings in order. A piece left unchanged (text no dictionary
 * matched) is written as (-length, -length): a later stage may split it anywhere, a replaced
 * piece it may not.
 *
 * The pairs live in a growable Int32Array the converter reuses from call to call, so aligning
 * a paragraph allocates nothing per piece.
 */
export class Alignment {
  pairs: Int32Array;
  /** Numbers used in `pairs`: two per piece. */
  length = 0;

  constructor(capacity = 128) {
    this.pairs = new Int32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  /** Makes room for `extra` more numbers. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.pairs.length) return;
    const grown = new Int32Array(Math.max(needed, this.pairs.length * 2));
    grown.set(this.pairs.subarray(0, this.length));
    this.pairs = grown;
  }

  /** A replaced piece. */
  push(source: number, output: number): void {
    if (this.length + 2 > this.pairs.length) this.reserve(2);
    this.pairs[this.length] = source;
    this.pairs[this.length + 1] = output;
    this.length += 2;
  }

  /** `n` units left as they were; joins an unchanged piece just before it. */
  pushUnchanged(n: number): void {
    const last = this.length - 1;
    if (last > 0 && this.pairs[last]! < 0) {
      this.pairs[last - 1]! -= n;
      this.pairs[last]! -= n;
    } else {
      this.push(-n, -n);
    }
  }

  /** Appends every piece of `other` (as the whole text's list gets each segment's). */
  appendAll(other: Alignment): void {
    const p = other.pairs;
    for (let k = 0; k + 1 < other.length; k += 2) {
      if (p[k]! < 0) this.pushUnchanged(-p[k]!);
      else this.push(p[k]!, p[k + 1]!);
    }
  }

  /** True when nothing was replaced: no piece, or one unchanged piece. Composing with it changes nothing. */
  isIdentity(): boolean {
    return this.length === 0 || (this.length === 2 && this.pairs[0]! < 0);
  }
}

/**
 * Composes an (x -> y) alignment with a (y -> z) one into (x -> z), appended to `out`. A
 * boundary survives where both have it in y, or inside an unchanged piece of one of them; so
 * a later match that spans earlier pieces (U盤 -> 隨身碟 after U -> U, 盘 -> 盤) becomes one
 * piece, while text nothing touched stays splittable. An unchanged piece at the start of the
 * result joins one at the end of `out`, as if the lists were appended with appendAll.
 */
export function composeInto(a: Alignment, b: Alignment, out: Alignment): void {
  const ap = a.pairs;
  const bp = b.pairs;
  const an = a.length;
  const bn = b.length;
  let ai = 0;
  let bi = 0;
  // The current piece of each side: what is left of it in y, and whether it is unchanged.
  let aLeft = 0;
  let aSrc = 0;
  let aSame = false;
  let bLeft = 0;
  let bDst = 0;
  let bSame = false;
  let aLive = false;
  let bLive = false;
  // Position reached in y by each side, and the x and z lengths taken since the last common boundary.
  let ya = 0;
  let yb = 0;
  let x = 0;
  let z = 0;
  for (;;) {
    if (!aLive && ai < an) {
      aSame = ap[ai]! < 0;
      aSrc = Math.abs(ap[ai]!);
      aLeft = Math.abs(ap[ai + 1]!);
      ai += 2;
      aLive = true;
    }
    if (!bLive && bi < bn) {
      bSame = bp[bi]! < 0;
      bLeft = Math.abs(bp[bi]!);
      bDst = Math.abs(bp[bi + 1]!);
      bi += 2;
      bLive = true;
    }
    if (!aLive && !bLive) break;

    if (ya === yb && aLive && bLive && aSame && bSame) {
      const k = Math.min(aLeft, bLeft);
      out.pushUnchanged(k);
      ya += k;
      yb += k;
      aLeft -= k;
      aSrc -= k;
      bLeft -= k;
      bDst -= k;
      aLive = aLeft > 0;
      bLive = bLeft > 0;
      continue;
    }
    const advanceA = aLive && (ya < yb || (ya === yb && (!aSame || !bLive)));
    if (advanceA) {
      // An unchanged piece is only taken up to where the other side stands.
      const k = aSame && ya < yb ? Math.min(aLeft, yb - ya) : aLeft;
      x += aSame ? k : aSrc;
      ya += k;
      aLeft -= k;
      aSrc -= aSame ? k : aSrc;
      aLive = aLeft > 0;
    } else if (bLive) {
      const k = bSame && yb < ya ? Math.min(bLeft, ya - yb) : bLeft;
      z += bSame ? k : bDst;
      yb += k;
      bLeft -= k;
      bDst -= bSame ? k : bDst;
      bLive = bLeft > 0;
    } else {
      throw new Error('conversion alignments do not cover the same text');
    }
    if (ya === yb && (x > 0 || z > 0)) {
      out.push(x, z);
      x = 0;
      z = 0;
    }
  }
  if (ya !== yb || x !== 0 || z !== 0) throw new Error('conversion alignments do not cover the same text');
}
