import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';

/**
 * A saved note's editor state read as characters with their formats: each run of text, where it
 * starts in the note's plain text (as Lexical's getTextContent makes it), and each character's
 * format and style. An undo or redo on a note another device edited since (replayedNote) makes
 * its step character by character in this form, so it takes back formatting as well as words.
 */

export type NoteNode = SerializedLexicalNode & {
  text?: string;
  format?: number | string;
  style?: string;
  children?: NoteNode[];
};

/** A character's look: the text node's format bits (bold 1, italic 2, …) and its CSS style. */
export interface Look {
  format: number;
  style: string;
}

export interface Run {
  node: NoteNode;
  parent: NoteNode;
  start: number;
}

export interface NoteRuns {
  state: SerializedEditorState;
  runs: Run[];
  /** The look of the character at a plain-text index; undefined for a block or line break. */
  lookAt(index: number): Look | undefined;
  /** The blocks and inline elements without their words: equal when a step changed no structure. */
  shape: string;
}

const inline = new Set(['link', 'autolink']);

/** The runs of a state; null when it is no state or does not read as `plainText`. */
export function noteRuns(editorState: string, plainText: string): NoteRuns | null {
  let state: SerializedEditorState;
  try {
    state = JSON.parse(editorState) as SerializedEditorState;
  } catch {
    return null;
  }
  // A note saved by a test or an old version may be any JSON: read only a state with a root.
  if (typeof state !== 'object' || state === null || typeof state.root !== 'object' || state.root === null) return null;
  const runs: Run[] = [];
  let text = '';
  const walk = (node: NoteNode, parent: NoteNode) => {
    if (typeof node !== 'object' || node === null) return;
    if (node.type === 'text') {
      runs.push({ node, parent, start: text.length });
      text += node.text ?? '';
    } else if (node.type === 'linebreak') text += '\n';
    else if (typeof node.text === 'string') text += node.text;
    const children = node.children ?? [];
    for (const [i, child] of children.entries()) {
      walk(child, node);
      if (child.children !== undefined && !inline.has(child.type) && i !== children.length - 1) text += '\n\n';
    }
  };
  const root = state.root as unknown as NoteNode;
  walk(root, root);
  if (text !== plainText) return null;
  const looks = new Array<Look | undefined>(text.length);
  for (const run of runs) {
    const look = lookOf(run.node);
    for (let i = 0; i < (run.node.text ?? '').length; i++) looks[run.start + i] = look;
  }
  return { state, runs, lookAt: (index) => looks[index], shape: JSON.stringify(shapeOf(root)) };
}

export function lookOf(node: NoteNode): Look {
  return { format: typeof node.format === 'number' ? node.format : 0, style: node.style ?? '' };
}

function shapeOf(node: NoteNode): unknown {
  const { type, listType, tag, url } = node as NoteNode & Record<string, unknown>;
  return [type, listType, tag, url, (node.children ?? []).filter((c) => c.children !== undefined).map(shapeOf)];
}

/** Whether two notes read the same: words, structure and every character's look. */
export function sameLooks(a: NoteRuns, b: NoteRuns, length: number): boolean {
  if (a.shape !== b.shape) return false;
  for (let i = 0; i < length; i++) {
    const x = a.lookAt(i);
    const y = b.lookAt(i);
    if (x?.format !== y?.format || x?.style !== y?.style) return false;
  }
  return true;
}

/** One character of a run as it is edited. */
export interface Unit {
  char: string;
  look: Look;
}

/** A run's characters as UTF-16 units, as plain-text offsets count them. */
export const unitsOf = (run: Run): Unit[] => {
  const look = lookOf(run.node);
  return (run.node.text ?? '').split('').map((char) => ({ char, look }));
};

/**
 * Puts the edited characters back into the state: each run becomes a text node per stretch of
 * one look (a copy of the run's node, its mode and detail kept), and text nodes side by side in
 * one parent with the same look become one, as Lexical's normalisation would make them.
 */
export function writeUnits(notes: NoteRuns, edited: ReadonlyMap<Run, Unit[]>): string {
  const parents = new Set<NoteNode>();
  for (const [run, units] of edited) {
    const nodes: NoteNode[] = [];
    for (const unit of units) {
      const last = nodes[nodes.length - 1];
      if (last && sameLook(lookOf(last), unit.look)) last.text = (last.text ?? '') + unit.char;
      else nodes.push({ ...run.node, text: unit.char, format: unit.look.format, style: unit.look.style });
    }
    const siblings = run.parent.children ?? [];
    const at = siblings.indexOf(run.node);
    if (at >= 0) siblings.splice(at, 1, ...nodes);
    parents.add(run.parent);
  }
  for (const parent of parents) {
    const joined: NoteNode[] = [];
    for (const child of parent.children ?? []) {
      const last = joined[joined.length - 1];
      const joins =
        last?.type === 'text' &&
        child.type === 'text' &&
        sameLook(lookOf(last), lookOf(child)) &&
        (last as Record<string, unknown>).mode === (child as Record<string, unknown>).mode &&
        (last as Record<string, unknown>).detail === (child as Record<string, unknown>).detail;
      if (joins) joined[joined.length - 1] = { ...last, text: (last.text ?? '') + (child.text ?? '') };
      else joined.push(child);
    }
    parent.children = joined;
  }
  return JSON.stringify(notes.state);
}

const sameLook = (a: Look, b: Look) => a.format === b.format && a.style === b.style;
