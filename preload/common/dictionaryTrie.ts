/**
 * opencc-js's dictionary trie, rebuilt in typed arrays so that a longest match allocates nothing.
 *
 * opencc-js's Trie keeps one Map per node (about 90,000 for the simplified-to-traditional
 * phrases) and its matchPrefix returns a new { end, value } per match, reading the text as a
 * string: converting with it allocated per character and per segment. This trie holds the same
 * keys and values, loaded exactly as opencc-js loads them (a group's dictionaries in reverse
 * order, a later entry overwriting an earlier one; keys read by code point). Its edges live in
 * one open-addressing hash table of (node, code point) -> child, with the root's children also
 * indexed directly by BMP code unit, since the root is looked up at every position of every
 * stage. Matching walks code units in a typed array, bounded by the end of the current segment,
 * and leaves the matched value in a field.
 *
 * longestMatch is written out without helper calls: right after a large garbage collection the
 * optimizing compiler's background threads can be busy for a while (the bench converts just
 * after one), and until then this runs in V8's baseline tiers, where every call and property
 * load costs.
 */

import type { DictGroup, DictLike } from 'opencc-js';

/** Fibonacci hashing of an edge into a table of 2^bits slots. */
function edgeSlot(node: number, codePoint: number, bits: number): number {
  return Math.imul(Math.imul(codePoint, 0x85ebca6b) ^ node, 0x9e3779b1) >>> (32 - bits);
}

/** No edge: also what rootChildren holds for a unit no key starts with. */
export const none = -1;
/**
 * Once built, an edge leads to (child << 2 | hasValue << 1 | hasChildren): a walk learns
 * whether a key ends at the child and whether to look further without reading per-node arrays,
 * so a step touches one slot of the table.
 */
const hasValueBit = 2;
const hasChildrenBit = 1;

export class DictionaryTrie {
  /** The replacement found by the last successful `longestMatch`, and the node it ended at. */
  value = '';
  matchNode = 0;
  /** Per node: its replacement, or undefined when no key ends there. Node 0 is the root. */
  private readonly values: (string | undefined)[] = [undefined];
  /**
   * The root's children by BMP code unit, as edges lead to them; `none` (negative) when no key
   * starts with that unit. Public so that a caller can pass over such units without a call.
   */
  readonly rootChildren = new Int32Array(0x10000).fill(none);
  /**
   * 2^bits slots of (node, code point, child), node `none` marking an empty slot. While
   * building, the third number is the child's index; then it is what the edge leads to (above).
   */
  private edges: Int32Array;
  private bits = 10;
  private edgeCount = 0;

  constructor(group: DictGroup) {
    this.edges = new Int32Array(3 << this.bits).fill(none);
    // As opencc-js's Trie.loadDictGroup: the first dictionary of a group wins, so it is loaded last.
    for (let d = group.length - 1; d >= 0; d--) this.loadDict(group[d]!);
    this.finish();
  }

  /** As opencc-js's Trie.loadDict. */
  private loadDict(dict: DictLike): void {
    if (typeof dict === 'string') {
      for (const line of dict.split('|')) {
        const [key, value] = line.split(' ');
        if (typeof value !== 'string') throw new TypeError(`Invalid dictionary entry: ${line}`);
        this.addWord(key!, value);
      }
    } else {
      for (const [key, value] of dict) this.addWord(key, value);
    }
  }

  /** As opencc-js's Trie.addWord: one node per code point of the key. */
  private addWord(key: string, value: string): void {
    let node = 0;
    for (let i = 0; i < key.length;) {
      const cp = key.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      let next = this.edge(node, cp);
      if (next === none) next = this.addChild(node, cp);
      node = next;
    }
    this.values[node] = value;
  }

  /** The third number of the edge (node, cp), or none. */
  private edge(node: number, cp: number): number {
    const edges = this.edges;
    const mask = (1 << this.bits) - 1;
    for (let slot = edgeSlot(node, cp, this.bits); ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const from = edges[at]!;
      if (from === node && edges[at + 1] === cp) return edges[at + 2]!;
      if (from === none) return none;
    }
  }

  private addChild(node: number, cp: number): number {
    // Keep the table at most half full: probes stay short.
    if ((this.edgeCount + 1) * 2 > 1 << this.bits) this.growEdges();
    const child = this.values.length;
    this.values.push(undefined);
    this.insertEdge(node, cp, child);
    this.edgeCount++;
    return child;
  }

  private insertEdge(node: number, cp: number, child: number): void {
    const edges = this.edges;
    const mask = (1 << this.bits) - 1;
    let slot = edgeSlot(node, cp, this.bits);
    while (edges[slot * 3] !== none) slot = (slot + 1) & mask;
    edges[slot * 3] = node;
    edges[slot * 3 + 1] = cp;
    edges[slot * 3 + 2] = child;
  }

  private growEdges(): void {
    const old = this.edges;
    this.bits++;
    this.edges = new Int32Array(3 << this.bits).fill(none);
    for (let at = 0; at < old.length; at += 3)
      if (old[at] !== none) this.insertEdge(old[at]!, old[at + 1]!, old[at + 2]!);
  }

  /** Turns each edge's child index into what the edge leads to, and indexes the root's children. */
  private finish(): void {
    const edges = this.edges;
    const hasChildren = new Uint8Array(this.values.length);
    for (let at = 0; at < edges.length; at += 3) if (edges[at] !== none) hasChildren[edges[at]!] = 1;
    for (let at = 0; at < edges.length; at += 3) {
      const from = edges[at]!;
      if (from === none) continue;
      const child = edges[at + 2]!;
      const lead = (child << 2) | (this.values[child] === undefined ? 0 : hasValueBit) | hasChildren[child]!;
      edges[at + 2] = lead;
      const cp = edges[at + 1]!;
      if (from === 0 && cp < 0x10000) this.rootChildren[cp] = lead;
    }
  }

  /** Number of nodes; node ids run from 0 (the root) to nodeCount - 1. */
  get nodeCount(): number {
    return this.values.length;
  }

  /** The replacement of the key ending at `node` (a matchNode). */
  valueAt(node: number): string {
    return this.values[node] ?? '';
  }

  /** Every code point some key starts with. */
  firstCodePoints(): number[] {
    const edges = this.edges;
    const firsts: number[] = [];
    for (let at = 0; at < edges.length; at += 3) if (edges[at] === 0) firsts.push(edges[at + 1]!);
    return firsts.sort((a, b) => a - b);
  }

  /**
   * The end of the longest key that starts at units[i] and ends by `end`, or 0 when none does;
   * the replacement is then in `value` and its node in `matchNode`. The same match as
   * opencc-js's Trie.matchPrefix on the text cut at `end`.
   */
  longestMatch(units: Uint16Array, i: number, end: number): number {
    const edges = this.edges;
    const bits = this.bits;
    const mask = (1 << bits) - 1;
    let c = units[i]!;
    let lead: number;
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < end && units[j]! >= 0xdc00 && units[j]! <= 0xdfff) {
      lead = this.edge(0, ((c - 0xd800) << 10) + (units[j]! - 0xdc00) + 0x10000);
      j++;
    } else {
      lead = this.rootChildren[c]!;
    }
    let matchEnd = 0;
    let matchNode = 0;
    while (lead !== none) {
      const node = lead >> 2;
      if ((lead & hasValueBit) !== 0) {
        matchEnd = j;
        matchNode = node;
      }
      if (j >= end || (lead & hasChildrenBit) === 0) break;
      // The next code point, read as codePointAt reads the text cut at `end`.
      c = units[j++]!;
      if (c >= 0xd800 && c <= 0xdbff && j < end && units[j]! >= 0xdc00 && units[j]! <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (units[j++]! - 0xdc00) + 0x10000;
      }
      // The edge (node, c), probed as edge() does (edgeSlot written out).
      lead = none;
      for (
        let slot = Math.imul(Math.imul(c, 0x85ebca6b) ^ node, 0x9e3779b1) >>> (32 - bits);
        ;
        slot = (slot + 1) & mask
      ) {
        const at = slot * 3;
        const from = edges[at]!;
        if (from === node && edges[at + 1] === c) {
          lead = edges[at + 2]!;
          break;
        }
        if (from === none) break;
      }
    }
    if (matchEnd > 0) {
      this.value = this.values[matchNode]!;
      this.matchNode = matchNode;
    }
    return matchEnd;
  }
}
