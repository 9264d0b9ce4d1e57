import DiffMatchPatch from 'diff-match-patch';
import { foldToSimplified } from '../../../preload/common/foldScript';
import type { ArticleView, DetectedScript, ParagraphKind, SourceRegion } from '../../../preload/contract/articleTypes';
import type {
  ChangedRange,
  ComparedParagraph,
  ComparisonCounts,
  ComparisonRow,
  VersionComparison,
} from '../../../preload/contract/compareTypes';
import { foldedUnits } from './foldedUnits';

/** One version as the comparison reads it: an article's metadata and its paragraphs in order. */
export interface VersionInput {
  id: number;
  title: string;
  source: string | null;
  publishedAt: string | null;
  script: DetectedScript;
  region: SourceRegion;
  paragraphs: readonly { id: number; order: number; kind: ParagraphKind; text: string }[];
}

/**
 * Two paragraphs are one paragraph, edited, when their folded character pairs overlap this much
 * (Dice): a sentence rewritten in a paragraph of four keeps some 0.7; two paragraphs of one story
 * that say different things share well under 0.3.
 */
const sameParagraphSimilarity = 0.45;
/**
 * Bounds on the work. Paragraphs equal once folded are matched by a hash map whatever their
 * number; only the rest are compared pair by pair, at most this many pairs (beyond it each is
 * compared with the paragraphs near its own place).
 */
const maxComparedPairs = 100_000;
/** A changed paragraph longer than this (either side) is marked changed whole, not diffed. */
const maxDiffLength = 4_000;
/** Characters diffed in all, for an article with thousands of edited paragraphs. */
const maxDiffTotal = 200_000;

interface Reading {
  paragraph: ComparedParagraph;
  /** The folded words: script, spacing, punctuation and width fold away (as duplicates are found). */
  key: string;
  pairs: Set<number>;
}

function readingOf(version: VersionInput): { reading: Reading[]; hidden: number } {
  const reading: Reading[] = [];
  let hidden = 0;
  for (const p of version.paragraphs) {
    if (p.kind === 'boilerplate') {
      hidden++;
      continue;
    }
    const units = foldedUnits([p.text]);
    const pairs = new Set<number>();
    if (units.length === 1) pairs.add(units[0]!);
    for (let i = 0; i + 1 < units.length; i++) pairs.add((Math.imul(units[i]!, 0x9e3779b1) ^ units[i + 1]!) >>> 0);
    reading.push({
      paragraph: { id: p.id, order: p.order, position: reading.length + 1, text: p.text },
      key: units.join(','),
      pairs,
    });
  }
  return { reading, hidden };
}

function dice(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Left index -> right index of the paragraphs that are one paragraph in both versions. */
function matchParagraphs(left: Reading[], right: Reading[]): { match: Map<number, number>; capped: boolean } {
  const match = new Map<number, number>();
  const taken = new Set<number>();
  // The same words: first unmatched copy in reading order.
  const byKey = new Map<string, number[]>();
  right.forEach((r, j) => {
    const list = byKey.get(r.key);
    if (list) list.push(j);
    else byKey.set(r.key, [j]);
  });
  left.forEach((l, i) => {
    const j = byKey.get(l.key)?.shift();
    if (j !== undefined) {
      match.set(i, j);
      taken.add(j);
    }
  });

  // Edited: the most alike pairs first, each paragraph in one pair at most.
  const restLeft = left.map((_, i) => i).filter((i) => !match.has(i));
  const restRight = right.map((_, j) => j).filter((j) => !taken.has(j));
  const capped = restLeft.length * restRight.length > maxComparedPairs;
  const window = capped ? Math.max(1, Math.floor(maxComparedPairs / Math.max(1, restLeft.length) / 2)) : Infinity;
  const candidates: { i: number; j: number; similarity: number }[] = [];
  restLeft.forEach((i, li) => {
    // Near its own place: the same share of the way through the unmatched paragraphs.
    const centre = restLeft.length > 1 ? Math.round((li / (restLeft.length - 1)) * (restRight.length - 1)) : 0;
    const from = capped ? Math.max(0, centre - window) : 0;
    const to = capped ? Math.min(restRight.length, centre + window + 1) : restRight.length;
    for (let rj = from; rj < to; rj++) {
      const j = restRight[rj]!;
      const similarity = dice(left[i]!.pairs, right[j]!.pairs);
      if (similarity >= sameParagraphSimilarity) candidates.push({ i, j, similarity });
    }
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (match.has(c.i) || taken.has(c.j)) continue;
    match.set(c.i, c.j);
    taken.add(c.j);
  }
  return { match, capped };
}

/** The pairs (by left index) that keep their order on both sides: the longest increasing run of right indices. */
function inOrder(pairs: readonly [number, number][]): Set<number> {
  const tails: number[] = []; // index into pairs of the smallest tail of a run of each length
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const kept = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) kept.add(pairs[k]![0]);
  return kept;
}

const fullWidthStart = 0xff01;
const fullWidthEnd = 0xff5e;
const quoteFolds: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/**
 * A text folded character by character for the diff (script, full-width forms, corner quotes;
 * spaces dropped), with each folded unit's range in the text, so a difference maps back to the
 * characters the reader sees.
 */
function foldForDiff(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    if (!/\s/u.test(ch)) {
      let f = foldToSimplified(ch);
      const code = f.charCodeAt(0);
      if (f.length === 1 && code >= fullWidthStart && code <= fullWidthEnd) f = String.fromCharCode(code - 0xfee0);
      f = (quoteFolds[f] ?? f).toLowerCase();
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(i + len);
      }
      folded += f;
    }
    i += len;
  }
  return { folded, starts, ends };
}

function pushRange(ranges: ChangedRange[], start: number, end: number): void {
  if (end <= start) return;
  const last = ranges[ranges.length - 1];
  if (last && start <= last.end) last.end = Math.max(last.end, end);
  else ranges.push({ start, end });
}

/** The characters each side has that the other lacks, as ranges of each text. */
export function changedCharacters(left: string, right: string): { left: ChangedRange[]; right: ChangedRange[] } {
  const a = foldForDiff(left);
  const b = foldForDiff(right);
  const dmp = new DiffMatchPatch();
  // No time limit: the result must not depend on the machine's speed (lengths are capped instead).
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(a.folded, b.folded, false);
  dmp.diff_cleanupSemantic(diffs);
  const out = { left: [] as ChangedRange[], right: [] as ChangedRange[] };
  let ia = 0;
  let ib = 0;
  for (const [op, text] of diffs) {
    const n = text.length;
    if (op === DiffMatchPatch.DIFF_DELETE) pushRange(out.left, a.starts[ia]!, a.ends[ia + n - 1]!);
    if (op === DiffMatchPatch.DIFF_INSERT) pushRange(out.right, b.starts[ib]!, b.ends[ib + n - 1]!);
    if (op !== DiffMatchPatch.DIFF_INSERT) ia += n;
    if (op !== DiffMatchPatch.DIFF_DELETE) ib += n;
  }
  return out;
}

/**
 * Aligns two versions of one story paragraph by paragraph: the reading paragraphs (hidden lines
 * left out and counted) are paired when they are the same once folded (a traditional and a
 * simplified copy are the same), or alike enough to be one paragraph edited; pairs that keep
 * their order are aligned, a paragraph the other version moved stays beside its counterpart,
 * marked moved. In an edited pair the characters each side added or cut are given as ranges.
 * Deterministic, and bounded for very long articles (`capped` says so).
 */
export function compareVersions(leftVersion: VersionInput, rightVersion: VersionInput): VersionComparison {
  const left = readingOf(leftVersion);
  const right = readingOf(rightVersion);
  const { match, capped: matchCapped } = matchParagraphs(left.reading, right.reading);
  const pairs = [...match.entries()].sort((x, y) => x[0] - y[0]);
  const ordered = inOrder(pairs);

  const rows: ComparisonRow[] = [];
  const counts: ComparisonCounts = { same: 0, changed: 0, onlyLeft: 0, onlyRight: 0 };
  let capped = matchCapped;
  let diffBudget = maxDiffTotal;
  let nextRight = 0;
  const matchedRight = new Set(match.values());
  const flushUnmatchedRight = (until: number) => {
    for (; nextRight < until; nextRight++) {
      if (matchedRight.has(nextRight)) continue;
      rows.push(only('only-right', null, right.reading[nextRight]!.paragraph));
      counts.onlyRight++;
    }
  };

  left.reading.forEach((l, i) => {
    const j = match.get(i);
    if (j === undefined) {
      rows.push(only('only-left', l.paragraph, null));
      counts.onlyLeft++;
      return;
    }
    const moved = !ordered.has(i);
    if (!moved) {
      flushUnmatchedRight(j);
      nextRight = j + 1;
    }
    const r = right.reading[j]!;
    let changes: { left: ChangedRange[]; right: ChangedRange[] } = { left: [], right: [] };
    if (r.key !== l.key) {
      const length = l.paragraph.text.length + r.paragraph.text.length;
      if (l.paragraph.text.length > maxDiffLength || r.paragraph.text.length > maxDiffLength || length > diffBudget) {
        capped = true;
        changes = {
          left: [{ start: 0, end: l.paragraph.text.length }],
          right: [{ start: 0, end: r.paragraph.text.length }],
        };
      } else {
        diffBudget -= length;
        changes = changedCharacters(l.paragraph.text, r.paragraph.text);
      }
    }
    const changed = changes.left.length > 0 || changes.right.length > 0;
    rows.push({
      kind: changed ? 'changed' : 'same',
      left: l.paragraph,
      right: r.paragraph,
      leftChanges: changes.left,
      rightChanges: changes.right,
      moved,
    });
    if (changed) counts.changed++;
    else counts.same++;
  });
  flushUnmatchedRight(right.reading.length);

  const version = (v: VersionInput, hiddenCount: number) => ({
    articleId: v.id,
    title: v.title,
    source: v.source,
    publishedAt: v.publishedAt,
    script: v.script,
    region: v.region,
    hiddenCount,
  });
  return {
    left: version(leftVersion, left.hidden),
    right: version(rightVersion, right.hidden),
    rows,
    counts,
    capped,
  };
}

function only(
  kind: 'only-left' | 'only-right',
  left: ComparedParagraph | null,
  right: ComparedParagraph | null,
): ComparisonRow {
  return { kind, left, right, leftChanges: [], rightChanges: [], moved: false };
}

/** An article as the comparison reads it. */
export function versionOf(view: ArticleView): VersionInput {
  const { metadata } = view;
  return {
    id: view.id,
    title: metadata.title,
    source: metadata.source,
    publishedAt: metadata.publishedAt,
    script: view.script,
    region: view.region,
    paragraphs: view.paragraphs,
  };
}
