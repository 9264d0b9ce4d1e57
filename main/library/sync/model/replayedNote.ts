import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import type { NoteForms } from '../../annotations/readableNote';
import { replayedSplices, spliced, type TextSplice } from './replayedTextEdit';

/**
 * The note an undo or redo of a note save makes when another device edited the note since
 * (replayedTextEdit): the step's own characters taken out or put back in the words the document
 * holds now, inside the runs of text that hold them, so the note keeps its formatting. A step of
 * formatting only (a word made bold, its redo) is its own state with the words changed since
 * made in it instead. A change that would cut or make a block or line break there gives the
 * merged words as plain blocks (every word kept; that note's formatting rebuilt plain).
 */
export function replayedNote(from: string, to: NoteForms, current: NoteForms): NoteForms {
  if (from === to.plainText) return edited(to, replayedSplices(from, current.plainText, to.plainText));
  return edited(current, replayedSplices(from, to.plainText, current.plainText));
}

function edited(base: NoteForms, splices: readonly TextSplice[]): NoteForms {
  const plainText = spliced(base.plainText, splices);
  const editorState = editedState(base.editorState, base.plainText, splices);
  return {
    editorState: editorState ?? JSON.stringify(plainTextNoteState(plainText)),
    plainText,
    markdown: '',
  };
}

type Node = SerializedLexicalNode & { text?: string; children?: Node[] };

/** A run of text of the state and where it starts in the note's plain text. */
interface Run {
  node: Node;
  start: number;
}

const inline = new Set(['link', 'autolink']);

/** The state with the splices made inside its text runs; null when one falls outside them. */
function editedState(editorState: string, plainText: string, splices: readonly TextSplice[]): string | null {
  let state: SerializedEditorState;
  try {
    state = JSON.parse(editorState) as SerializedEditorState;
  } catch {
    return null;
  }
  const runs: Run[] = [];
  // The plain text as Lexical's getTextContent makes it: blocks apart by a blank line, a break a newline.
  let text = '';
  const walk = (node: Node) => {
    if (node.type === 'text') {
      runs.push({ node, start: text.length });
      text += node.text ?? '';
    } else if (node.type === 'linebreak') text += '\n';
    else if (typeof node.text === 'string') text += node.text;
    const children = node.children ?? [];
    for (const [i, child] of children.entries()) {
      walk(child);
      if (child.children !== undefined && !inline.has(child.type) && i !== children.length - 1) text += '\n\n';
    }
  };
  walk(state.root);
  if (text !== plainText) return null;
  const lengthOf = (r: Run) => (r.node.text ?? '').length;
  // Last first: each splice leaves the runs before it where they were.
  for (const s of splices) {
    if (s.insert.includes('\n')) return null;
    // The characters it removes, run by run (two runs side by side: a bold word and the plain one after it).
    let cut = 0;
    for (const run of runs) {
      const from = Math.max(s.at, run.start);
      const to = Math.min(s.at + s.remove, run.start + lengthOf(run));
      if (from >= to) continue;
      const words = run.node.text ?? '';
      run.node.text = words.slice(0, from - run.start) + words.slice(to - run.start);
      cut += to - from;
    }
    if (cut !== s.remove) return null;
    if (s.insert === '') continue;
    // Its words go where typing there would put them: into the run ending at the place, else the one holding it.
    const into =
      runs.find((r) => r.start < s.at && s.at <= r.start + lengthOf(r)) ??
      runs.find((r) => r.start <= s.at && s.at < r.start + lengthOf(r));
    if (!into) return null;
    const words = into.node.text ?? '';
    into.node.text = words.slice(0, s.at - into.start) + s.insert + words.slice(s.at - into.start);
  }
  return JSON.stringify(state);
}
