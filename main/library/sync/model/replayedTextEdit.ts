import DiffMatchPatch from 'diff-match-patch';

/**
 * An undo or redo of a note or comment edit, made on the words the document holds now. The
 * journal's step took `from` to `to` on this device; another device may since have typed or
 * deleted words in the same text, which the document holds and the step never saw. Writing
 * `to` over the document would take those words away with no record (#19, fuzz seed 11), so the
 * step's own edit is made where its characters are now (a three-way merge): each character the
 * step deletes goes if it is still there, each it inserts goes where its neighbours are now, and
 * every other character stays.
 */

/** One edit of the current text: `remove` characters at `at`, then `insert` there. */
export interface TextSplice {
  at: number;
  remove: number;
  insert: string;
}

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0;

/** The splices that make the step `from` -> `to` on `current`, last first (each leaves the earlier ones' positions as they were). */
export function replayedSplices(from: string, to: string, current: string): TextSplice[] {
  return replayedStep(from, to, current).splices.map(({ at, remove, insert }) => ({ at, remove, insert }));
}

/** A splice of the step, with where each character it inserts stands in `to` (to give it the format it has there). */
export interface SourcedSplice extends TextSplice {
  sources: number[];
}

/**
 * The step on `current` as replayedSplices gives it, and each character the step keeps (in both
 * `from` and `to`) that is still in `current`: its place in each, so a change of its format
 * by the step can be made on it where it is now.
 */
export function replayedStep(
  from: string,
  to: string,
  current: string,
): { splices: SourcedSplice[]; kept: Array<{ from: number; to: number; now: number }> } {
  // Where each character of `from` is in `current` (-1: another device deleted it).
  const at = new Array<number>(from.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const [op, text] of dmp.diff_main(from, current, false)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) for (let k = 0; k < text.length; k++) at[i++] = j++;
    else if (op === DiffMatchPatch.DIFF_DELETE) i += text.length;
    else j += text.length;
  }
  /** The place in `current` just after the last character of `from` before `k` that is still there. */
  const gap = (k: number) => {
    for (let m = k - 1; m >= 0; m--) if (at[m]! >= 0) return at[m]! + 1;
    return 0;
  };
  const removed = new Set<number>();
  const inserted = new Map<number, { text: string; sources: number[] }>();
  const kept: Array<{ from: number; to: number; now: number }> = [];
  let k = 0;
  let t = 0;
  for (const [op, text] of dmp.diff_main(from, to, false)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      for (let n = 0; n < text.length; n++, k++, t++) if (at[k]! >= 0) kept.push({ from: k, to: t, now: at[k]! });
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      for (let n = 0; n < text.length; n++, k++) if (at[k]! >= 0) removed.add(at[k]!);
    } else {
      const place = gap(k);
      const held = inserted.get(place) ?? { text: '', sources: [] };
      held.text += text;
      for (let n = 0; n < text.length; n++) held.sources.push(t++);
      inserted.set(place, held);
    }
  }
  // Runs of removed characters, each with what is inserted at its start; then insertions alone.
  const splices: SourcedSplice[] = [];
  const sorted = [...removed].sort((x, y) => x - y);
  for (let n = 0; n < sorted.length;) {
    const start = sorted[n]!;
    let length = 1;
    while (sorted[n + length] === start + length) length++;
    const held = inserted.get(start);
    splices.push({ at: start, remove: length, insert: held?.text ?? '', sources: held?.sources ?? [] });
    inserted.delete(start);
    n += length;
  }
  for (const [place, held] of inserted)
    splices.push({ at: place, remove: 0, insert: held.text, sources: held.sources });
  // Last first, so each leaves the places of those before it as they were.
  return { splices: splices.sort((x, y) => y.at - x.at), kept };
}

/** `current` with the splices made. */
export function spliced(current: string, splices: readonly TextSplice[]): string {
  let text = current;
  for (const s of splices) text = text.slice(0, s.at) + s.insert + text.slice(s.at + s.remove);
  return text;
}
