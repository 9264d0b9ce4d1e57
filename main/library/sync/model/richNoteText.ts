import { createHash } from 'node:crypto';
import { createHeadlessEditor } from '@lexical/headless';
import { $convertToMarkdownString } from '@lexical/markdown';
import { createYjsBinding, syncLexicalUpdateToYjs, type Binding, type Provider } from '@lexical/yjs';
import {
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  $isTextNode,
  $parseSerializedNode,
  COLLABORATION_TAG,
  type EditorState,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type SerializedElementNode,
  type SerializedLexicalNode,
  type SerializedTextNode,
  type NodeKey,
  type TextNode,
} from 'lexical';
import * as Y from 'yjs';
import { noteNodes, noteTransformers } from '../../../../preload/common/noteNodes';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import { readableNote, type NoteForms } from '../../annotations/readableNote';
import { fieldOf, setField, stringField } from './docShape';

/**
 * A note's (or memo's) rich text in a Y.XmlText, in @lexical/yjs's own layout: each block an
 * embedded XmlText, each run of text a map of its format followed by its characters. A save
 * writes only what changed since what the document holds (a word made bold rewrites that word,
 * a typed word inserts it), so two devices' edits of one note merge by character and keep
 * their formatting; Lexical then reads the merged text back as an editor state.
 */

function noteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'pizhu-note',
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
}

/** The binding writes cursors through a provider: a headless editor has none to show. */
const noProvider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => undefined,
    on: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  off: () => undefined,
  on: () => undefined,
} as unknown as Provider;

/** An editor bound to the text, holding what the text holds (nothing written back). */
function boundEditor(xml: Y.XmlText): { editor: LexicalEditor; binding: Binding } {
  const doc = xml.doc;
  if (!doc) throw new Error('A note text outside a document cannot be bound');
  forgetCollabNodes(xml);
  bindings.set(xml, (bindings.get(xml) ?? 0) + 1);
  const editor = noteEditor();
  const binding = createYjsBinding({
    editor,
    id: 'note',
    doc,
    docMap: new Map([['note', doc]]),
    getXmlText: () => xml,
  });
  binding.collabNodeMap.set('root', binding.root);
  bindingOf.set(editor, binding);
  editor.update(
    () => {
      binding.root.applyChildrenYjsDelta(
        binding,
        xml.toDelta() as Parameters<typeof binding.root.applyChildrenYjsDelta>[1],
      );
      binding.root.syncChildrenFromYjs(binding);
    },
    { discrete: true, tag: COLLABORATION_TAG },
  );
  return { editor, binding };
}

/** The binding each bound editor reads and writes its text through. */
const bindingOf = new WeakMap<LexicalEditor, Binding>();

/** How many editors have been bound to a text: a writer kept from before is stale once another was. */
const bindings = new WeakMap<Y.XmlText, number>();

/**
 * The editor that last wrote a text, kept for its next save while the text holds what it wrote
 * (typing saves a note every few seconds: building an editor from the text each time costs
 * most of a save).
 */
const writers = new WeakMap<Y.XmlText, { editor: LexicalEditor; shape: string; binding: number }>();

/**
 * @lexical/yjs caches its node for a shared type on the type itself, for one live binding; each
 * read and write here binds a new editor, which must build its own from the text as it is now.
 */
function forgetCollabNodes(type: object): void {
  delete (type as { _collabNode?: unknown })._collabNode;
  if (!(type instanceof Y.XmlText)) return;
  for (const op of type.toDelta() as Array<{ insert?: unknown }>) {
    if (op.insert instanceof Y.AbstractType) forgetCollabNodes(op.insert);
  }
}

/** The forms of what the text holds (its plain text blank when it holds no words). */
export function readRichText(xml: Y.XmlText): NoteForms {
  const { editor } = boundEditor(xml);
  const editorState = JSON.stringify(editor.getEditorState().toJSON());
  const { plainText, markdown } = editor.read(() => ({
    plainText: $getRoot().getTextContent(),
    markdown: $convertToMarkdownString(noteTransformers),
  }));
  return { editorState, plainText, markdown };
}

/**
 * A fingerprint of what the text holds, from its Yjs content alone (blocks, runs and their
 * properties): equal on every device that holds the same, and cheap beside reading it through
 * an editor, so a projection reads a note only when it differs from its last save's.
 */
export function shapeOf(xml: Y.XmlText): string {
  return createHash('sha256')
    .update(JSON.stringify(structure(xml)))
    .digest('base64url')
    .slice(0, 22);
}

function structure(value: unknown): unknown {
  if (value instanceof Y.XmlText) {
    const ops = value.toDelta() as Array<{ insert?: unknown; attributes?: unknown }>;
    return {
      a: structure(value.getAttributes()),
      d: ops.map((op) => [typeof op.insert === 'string' ? op.insert : structure(op.insert), structure(op.attributes)]),
    };
  }
  if (value instanceof Y.Map) return { m: structure(Object.fromEntries((value as Y.Map<unknown>).entries())) };
  if (value instanceof Y.XmlElement)
    return { e: value.nodeName, a: structure(value.getAttributes()), c: value.toArray().map(structure) };
  if (value instanceof Y.AbstractType) return { t: value.toJSON() as unknown };
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.keys(record)
      .sort()
      .map((k) => [k, structure(record[k])]);
  }
  return value ?? null;
}

/**
 * Makes the text hold the saved note: its editor state (rebuilt from its plain text or Markdown
 * when it is not one the editor can hold, as readableNote does) is laid over what the text holds
 * block by block and run by run, and the binding writes the difference. Returns the fingerprint
 * of what the text now reads as.
 */
export function writeRichText(xml: Y.XmlText, note: NoteForms): string {
  let editor = writerOf(xml);
  const target = (holdable(editor, note) ?? editor.parseEditorState(readableNote({ ...note }).editorState)).toJSON()
    .root;
  if (reshape(xml, editor, target.children)) editor = writerOf(xml);
  editor.update(() => $layOver($getRoot(), target.children), { discrete: true });
  const shape = shapeOf(xml);
  writers.set(xml, { editor, shape, binding: bindings.get(xml) ?? 0 });
  return shape;
}

/** An editor holding what the text holds, whose every update the binding writes into the text. */
function writerOf(xml: Y.XmlText): LexicalEditor {
  const kept = writers.get(xml);
  if (kept && kept.binding === bindings.get(xml) && kept.shape === shapeOf(xml)) return kept.editor;
  const { editor, binding } = boundEditor(xml);
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      syncLexicalUpdateToYjs(
        binding,
        noProvider,
        prevEditorState,
        editorState,
        dirtyElements,
        dirtyLeaves,
        normalizedNodes,
        tags,
      );
    },
  );
  return editor;
}

/** The saved state, when the editor holds it as it is and it shows the note's words (else readableNote makes one). */
function holdable(editor: LexicalEditor, note: NoteForms): EditorState | null {
  try {
    const state = editor.parseEditorState(note.editorState);
    const fits = state.read(() => {
      const root = $getRoot();
      const blocks = root.getChildren().every((n) => $isElementNode(n) || $isDecoratorNode(n));
      return blocks && (root.getTextContent().trim() !== '' || note.plainText.trim() === '');
    });
    return fits ? state : null;
  } catch {
    return null;
  }
}

/** A node as JSON with its children, in Lexical's own key order (for comparing with a parsed state). */
function $serialized(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON();
  if ($isElementNode(node)) {
    return { ...json, children: node.getChildren().map($serialized) } as SerializedElementNode;
  }
  return json;
}

const same = (node: LexicalNode, target: SerializedLexicalNode) =>
  JSON.stringify($serialized(node)) === JSON.stringify(target);

/**
 * The parent's children made the target's, keeping every node that can stay: equal ones at
 * either end as they are, and between them each node whose type matches the target's at its
 * place, updated in place (so a block's text is edited, not deleted and made anew: another
 * device's words typed into it meanwhile stay in it).
 */
function $layOver(parent: ElementNode, targets: readonly SerializedLexicalNode[]): void {
  const { current, start, middle, wanted, pairs } = $matched(parent, targets, false);
  for (const [i, node] of middle.entries()) if (!pairs.includes(i)) node.remove();
  let previous: LexicalNode | null = start > 0 ? current[start - 1]! : null;
  for (const [i, target] of wanted.entries()) {
    const paired = pairs[i];
    let placed: LexicalNode;
    if (paired !== undefined) {
      placed = middle[paired]!.updateFromJSON(target);
      if ($isElementNode(placed)) $layOver(placed, (target as SerializedElementNode).children);
    } else {
      placed = $parseSerializedNode(target);
      if (previous) previous.insertAfter(placed);
      else {
        const first = parent.getFirstChild();
        if (first) first.insertBefore(placed);
        else parent.append(placed);
      }
    }
    previous = placed;
  }
}

/** The parent's children against the targets: equal ones at either end, and which node each target between them keeps. */
function $matched(parent: ElementNode, targets: readonly SerializedLexicalNode[], retagging: boolean) {
  const current = parent.getChildren();
  let start = 0;
  while (start < current.length && start < targets.length && same(current[start]!, targets[start]!)) start++;
  let end = 0;
  while (
    end < current.length - start &&
    end < targets.length - start &&
    same(current[current.length - 1 - end]!, targets[targets.length - 1 - end]!)
  ) {
    end++;
  }
  const middle = current.slice(start, current.length - end);
  const wanted = targets.slice(start, targets.length - end);
  return { current, start, middle, wanted, pairs: pairing(middle, wanted, retagging) };
}

/**
 * Blocks of text only (their children words and line breaks): one made the other keeps its
 * element in the document, its type changed (@lexical/yjs reads a block's type from its
 * XmlText's `__type` attribute, and these have the same other attributes).
 */
const textBlocks: ReadonlySet<string> = new Set(['paragraph', 'quote']);

/**
 * Which node (by index in `middle`) each target keeps, in order: by position where the types
 * match (or, retagging, where both are blocks of text). A run of text split in parts (a word in
 * it made bold) stays as its longest part, so only the shorter parts are written anew: two
 * devices formatting different words of one run each move only their word, and neither copies
 * the other's.
 */
function pairing(
  middle: readonly LexicalNode[],
  wanted: readonly SerializedLexicalNode[],
  retagging: boolean,
): Array<number | undefined> {
  const only = middle[0];
  if (middle.length === 1 && wanted.length > 1 && $isTextNode(only)) {
    let longest: number | undefined;
    for (const [i, target] of wanted.entries()) {
      if (target.type !== only.getType()) continue;
      const length = (target as SerializedTextNode).text.length;
      if (longest === undefined || length > (wanted[longest] as SerializedTextNode).text.length) longest = i;
    }
    return wanted.map((_, i) => (i === longest ? 0 : undefined));
  }
  const keeps = (node: LexicalNode | undefined, target: SerializedLexicalNode) =>
    node !== undefined &&
    (node.getType() === target.type || (retagging && textBlocks.has(node.getType()) && textBlocks.has(target.type)));
  return wanted.map((target, i) => (keeps(middle[i], target) ? i : undefined));
}

/**
 * What a save changes of the text's structure that is written in place before the rest is laid
 * over it, by node key: blocks made a quote or a paragraph again (retags), and runs split where
 * words in them were formatted, their words unchanged (splits).
 */
interface Reshaping {
  retags: Array<{ key: NodeKey; type: string }>;
  splits: Array<{ key: NodeKey; parts: SerializedTextNode[] }>;
}

function $reshaping(
  parent: ElementNode,
  targets: readonly SerializedLexicalNode[],
  top: boolean,
  plan: Reshaping,
): void {
  const { middle, wanted, pairs } = $matched(parent, targets, top);
  const only = middle[0];
  if (middle.length === 1 && $isTextNode(only) && formatsOnly(only, wanted)) {
    plan.splits.push({ key: only.getKey(), parts: wanted });
    return;
  }
  for (const [i, target] of wanted.entries()) {
    const paired = pairs[i];
    if (paired === undefined) continue;
    const node = middle[paired]!;
    if (node.getType() !== target.type) plan.retags.push({ key: node.getKey(), type: target.type });
    if ($isElementNode(node)) $reshaping(node, (target as SerializedElementNode).children, false, plan);
  }
}

/** The targets are the node's words in parts that differ from it in their format alone. */
function formatsOnly(node: TextNode, targets: readonly SerializedLexicalNode[]): targets is SerializedTextNode[] {
  if (targets.length < 2 || node.getType() !== 'text') return false;
  const parts = targets as SerializedTextNode[];
  return (
    parts.every(
      (p) =>
        p.type === 'text' &&
        p.text !== '' &&
        p.style === node.getStyle() &&
        p.mode === node.getMode() &&
        p.detail === node.getDetail(),
    ) && parts.map((p) => p.text).join('') === node.getTextContent()
  );
}

/**
 * Writes in place what a save changes of the text's structure (Reshaping), so that another
 * device's concurrent edit of the same words merges with it:
 * - a block made a quote, or a paragraph again, changes the type of its element: deleting the
 *   block and writing a new one would delete, in the merge, the words another device typed into
 *   it meanwhile (a delete in Yjs wins over a concurrent edit inside what it deletes);
 * - a word of a run formatted splits the run where the word is, by a run's map (its format)
 *   inserted there: writing the run's other words anew would write them twice when the other
 *   device wrote them anew too.
 * Returns whether it wrote any (the editor then no longer holds what the text holds).
 */
function reshape(xml: Y.XmlText, editor: LexicalEditor, targets: readonly SerializedLexicalNode[]): boolean {
  const plan: Reshaping = { retags: [], splits: [] };
  editor.read(() => $reshaping($getRoot(), targets, true, plan));
  const binding = bindingOf.get(editor);
  const doc = xml.doc;
  if ((plan.retags.length === 0 && plan.splits.length === 0) || !binding || !doc) return false;
  doc.transact(() => {
    for (const { key, type } of plan.retags) {
      const collab = binding.collabNodeMap.get(key);
      if (collab && '_xmlText' in collab) collab._xmlText.setAttribute('__type', type);
    }
    for (const { key, parts } of plan.splits) {
      const collab = binding.collabNodeMap.get(key);
      // Only where the text holds the run as the editor does (else the save lays the parts over it).
      if (!collab || !('_map' in collab) || !('_text' in collab)) continue;
      if (collab._text !== parts.map((p) => p.text).join('')) continue;
      const run = collab._map;
      const words = collab._parent._xmlText;
      const at = collab.getOffset() + 1;
      let boundary = parts.reduce((n, p) => n + p.text.length, 0);
      // From the last part back, so each boundary's offset still counts from the run's start.
      for (let i = parts.length - 1; i >= 1; i--) {
        boundary -= parts[i]!.text.length;
        const mark = new Y.Map<unknown>();
        for (const [k, v] of run.entries()) if (!(v instanceof Y.AbstractType)) mark.set(k, v);
        mark.set('__format', parts[i]!.format);
        words.insertEmbed(at + boundary, mark);
      }
      if (run.get('__format') !== parts[0]!.format) run.set('__format', parts[0]!.format);
    }
  });
  return true;
}

/**
 * A note written before notes were rich text (its words in a plain Y.Text) laid into its empty
 * XmlText as it stood, before the first rich save over it. Two devices may do this at once: the
 * seed is written as a client whose id comes from the text's name and the seed itself, so the
 * same seed made on two devices is the same Yjs items (one copy after the merge) and only a seed
 * made from words one device had not yet seen is a second copy (words kept twice, never lost).
 * Written in the caller's transaction, under that id for its length (an update applied here
 * instead would mark the whole transaction remote, and Yjs would then give the document a new
 * client id). Only for an empty top-level text, so its first item has no neighbours to differ by.
 */
function seedRichText(xml: Y.XmlText, note: NoteForms): void {
  const doc = xml.doc;
  if (!doc || xml._item !== null || xml._start !== null) throw new Error('Only an empty top-level note text is seeded');
  const own = doc.clientID;
  const content = JSON.stringify(note);
  doc.clientID = createHash('sha256')
    .update(`${Y.findRootTypeKey(xml)}\n${content}`)
    .digest()
    .readUInt32BE(0);
  try {
    writeRichText(xml, note);
  } finally {
    doc.clientID = own;
  }
}

/**
 * A saved note's or memo's words into its rich text, the entry beside it saying the text is rich
 * and what it read as after this save (storedForms). Words the document held as plain text
 * before are laid in first, so the save is an edit of them (another device's edit of those
 * words meanwhile stays).
 */
export function writeWords(entry: Y.Map<unknown>, xml: Y.XmlText, legacy: Y.Text | undefined, saved: NoteForms): void {
  if (xml._start === null && entry.get('rich') !== true && legacy !== undefined && legacy.length > 0) {
    seedRichText(xml, legacyForms(entry, legacy.toJSON()));
  }
  setField(entry, 'saved_shape', writeRichText(xml, saved));
  setField(entry, 'rich', true);
}

export const isRich = (entry: Y.Map<unknown>, xml: Y.XmlText | undefined) =>
  entry.get('rich') === true || (xml !== undefined && xml.length > 0);

/**
 * The forms a note's or memo's row holds: those saved with it while its text reads as it did
 * after that save (so a row saved here and one projected on another device are the same), else
 * those read from the text (two devices' edits merged, formatting and all). A note from before
 * rich text: its plain text, with the forms saved with it while they still show that text.
 */
export function storedForms(entry: Y.Map<unknown>, xml: Y.XmlText | undefined, legacyText: string): NoteForms {
  if (xml === undefined || !isRich(entry, xml)) return legacyForms(entry, legacyText);
  if (shapeOf(xml) === stringField(entry, 'saved_shape')) {
    return {
      editorState: stringField(entry, 'editor_state'),
      plainText: stringField(entry, 'saved_text'),
      markdown: stringField(entry, 'markdown'),
    };
  }
  return readRichText(xml);
}

/** A plain-text note's forms: those saved with it while they show its text, else made from the text. */
function legacyForms(entry: Y.Map<unknown>, text: string): NoteForms {
  if (fieldOf(entry, 'saved_text') === text) {
    return {
      editorState: stringField(entry, 'editor_state'),
      plainText: text,
      markdown: stringField(entry, 'markdown'),
    };
  }
  const forms = readableNote({ editorState: JSON.stringify(plainTextNoteState(text)), plainText: text, markdown: '' });
  return { ...forms, plainText: text };
}
