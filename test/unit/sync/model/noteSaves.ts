import type { SerializedEditorState, SerializedElementNode, SerializedTextNode } from 'lexical';
import { plainTextNoteState } from '../../../../preload/common/noteText';
import type { Device } from './syncedLibraries';

/** A run of a note: its words and their Lexical format bits. */
export type Run = [text: string, format: number];
/** A block of a note: its Lexical type ('paragraph', 'quote') and its runs. */
export type Block = [type: string, runs: Run[]];

export const bold = 1;
export const italic = 2;
export const underline = 8;

/** The Markdown the note editor writes for runs of bold and italic words. */
export const markdownOf = (runs: readonly Run[]): string =>
  runs.map(([text, format]) => (format === bold ? `**${text}**` : format === italic ? `*${text}*` : text)).join('');

/** An editor state of blocks of runs, as the note editor saves it. */
export function blocksState(...blocks: Block[]): SerializedEditorState {
  const state = plainTextNoteState('');
  const template = state.root.children[0] as SerializedElementNode;
  state.root.children = blocks.map(([type, runs]) => ({
    ...template,
    type,
    children: runs.map(([text, format]): SerializedTextNode => ({
      detail: 0,
      format,
      mode: 'normal',
      style: '',
      text,
      type: 'text',
      version: 1,
    })),
  }));
  return state;
}

/** A one-block note of runs. */
export const runsState = (...runs: Run[]): SerializedEditorState => blocksState(['paragraph', runs]);

/** Saves the paragraph's note as blocks of runs, each save its own undo step (saves in quick succession fold into one). */
export function saveBlocks(d: Device, ord: number, ...blocks: Block[]) {
  return d.library.annotations.saveNote({
    paragraphId: d.paragraphId(ord),
    editorState: JSON.stringify(blocksState(...blocks)),
    plainText: blocks.map(([, runs]) => runs.map(([t]) => t).join('')).join('\n\n'),
    markdown: blocks.map(([type, runs]) => (type === 'quote' ? '> ' : '') + markdownOf(runs)).join('\n\n'),
    startsStep: true,
  });
}

/** Saves a one-block note of runs. */
export const saveRuns = (d: Device, ord: number, ...runs: Run[]) => saveBlocks(d, ord, ['paragraph', runs]);

/** What the device shows of the note: each block's type and runs, as its editor state holds them. */
export function blocksOf(d: Device, ord: number): Block[] {
  const state = JSON.parse(d.library.annotations.getNote(d.paragraphId(ord))!.editorState) as SerializedEditorState;
  return state.root.children.map((block): Block => [
    block.type,
    (block as SerializedElementNode).children.map((n): Run => [
      (n as SerializedTextNode).text,
      (n as SerializedTextNode).format,
    ]),
  ]);
}

/** The note's runs of all its blocks, one after another. */
export const runsOf = (d: Device, ord: number): Run[] => blocksOf(d, ord).flatMap(([, runs]) => runs);
