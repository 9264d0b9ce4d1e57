import { plainTextNoteState } from '../../../../preload/common/noteText';
import type { NoteForms } from '../../annotations/readableNote';
import { noteRuns, sameLooks, lookOf, unitsOf, writeUnits, type NoteRuns, type Run, type Unit } from './noteRuns';
import { replayedStep, spliced } from './replayedTextEdit';

/**
 * The note an undo or redo of a note save makes when another device edited the note since
 * (replayedTextEdit): the step's own characters taken out or put back in the note the document
 * holds now, each put back with the look it had, and the step's own changes of look (a word made
 * bold) made on the characters it changed, bit by bit, so another device's words and formatting
 * meanwhile stay. A step of structure only (a block made a quote or a list) is its own state with
 * the other device's edits made in it instead. A change that would cut or make a block or line
 * break gives the merged words as plain blocks (every word kept; that note's formatting rebuilt plain).
 */
export function replayedNote(from: NoteForms, to: NoteForms, current: NoteForms): NoteForms {
  const structureOnly =
    from.plainText === to.plainText &&
    noteRuns(from.editorState, from.plainText)?.shape !== noteRuns(to.editorState, to.plainText)?.shape;
  return structureOnly ? madeOn(to, from, current) : madeOn(current, from, to);
}

/** Whether the note reads now as the step left it (words, structure and looks): then there is nothing to merge. */
export function sameNote(a: NoteForms, b: NoteForms): boolean {
  if (a.plainText !== b.plainText) return false;
  const x = noteRuns(a.editorState, a.plainText);
  const y = noteRuns(b.editorState, b.plainText);
  // A state that cannot be read as runs is compared by its words alone, as before formats were compared.
  return !x || !y || sameLooks(x, y, a.plainText.length);
}

/** The step `x` -> `y` made on `base`. */
function madeOn(base: NoteForms, x: NoteForms, y: NoteForms): NoteForms {
  const step = replayedStep(x.plainText, y.plainText, base.plainText);
  const plainText = spliced(base.plainText, step.splices);
  const state = editedState(base, step, noteRuns(x.editorState, x.plainText), noteRuns(y.editorState, y.plainText));
  return { editorState: state ?? JSON.stringify(plainTextNoteState(plainText)), plainText, markdown: '' };
}

/** The base state with the step made in its runs; null when a splice falls outside them. */
function editedState(
  base: NoteForms,
  step: ReturnType<typeof replayedStep>,
  was: NoteRuns | null,
  will: NoteRuns | null,
): string | null {
  const notes = noteRuns(base.editorState, base.plainText);
  if (!notes) return null;
  const length = (r: Run) => (r.node.text ?? '').length;
  const units = new Map<Run, Unit[]>();
  const unitsIn = (run: Run) => {
    const held = units.get(run) ?? unitsOf(run);
    units.set(run, held);
    return held;
  };
  // Looks first (they move no character): only the bits and style the step changed; the rest stay as they are now.
  if (was && will) {
    for (const kept of step.kept) {
      const before = was.lookAt(kept.from);
      const after = will.lookAt(kept.to);
      if (!before || !after || (before.format === after.format && before.style === after.style)) continue;
      const run = notes.runs.find((r) => r.start <= kept.now && kept.now < r.start + length(r));
      const unit = run && unitsIn(run)[kept.now - run.start];
      if (!unit) continue;
      const flipped = before.format ^ after.format;
      unit.look = {
        format: (unit.look.format & ~flipped) | (after.format & flipped),
        style: before.style !== after.style ? after.style : unit.look.style,
      };
    }
  }
  // Last first: each splice leaves the runs before it where they were.
  for (const s of step.splices) {
    if (s.insert.includes('\n')) return null;
    // The characters it removes, run by run (two runs side by side: a bold word and the plain one after it).
    let cut = 0;
    for (const run of notes.runs) {
      const from = Math.max(s.at, run.start);
      const to = Math.min(s.at + s.remove, run.start + length(run));
      if (from >= to) continue;
      unitsIn(run).splice(from - run.start, to - from);
      cut += to - from;
    }
    if (cut !== s.remove) return null;
    if (s.insert === '') continue;
    // Its words go where typing there would put them: into the run ending at the place, else the one holding it.
    const into =
      notes.runs.find((r) => r.start < s.at && s.at <= r.start + length(r)) ??
      notes.runs.find((r) => r.start <= s.at && s.at < r.start + length(r));
    if (!into) return null;
    const held = unitsIn(into);
    const offset = s.at - into.start;
    const typed = held[offset - 1]?.look ?? held[offset]?.look ?? lookOf(into.node);
    // Each with the look it had where the step took it from (words put back bold are bold again).
    const inserted = s.insert.split('').map((char, n) => ({ char, look: will?.lookAt(s.sources[n]!) ?? typed }));
    held.splice(offset, 0, ...inserted);
  }
  return writeUnits(notes, units);
}
