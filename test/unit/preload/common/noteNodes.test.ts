import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { noteNodes, noteTransformers } from '../../../../preload/common/noteNodes';

/** A headless editor as main builds one for export: the shared node list, nothing else. */
function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'pizhu-note',
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
}

/** A note with every kind of formatting the editor offers. */
function writeSampleNote(editor: LexicalEditor): void {
  editor.update(
    () => {
      const root = $getRoot();
      const first = $createParagraphNode();
      first.append(
        $createTextNode('记者写道 '),
        $createTextNode('平安晋江').toggleFormat('bold'),
        $createTextNode(' 与 '),
        $createTextNode('背包精神').toggleFormat('italic'),
        $createTextNode(',见 '),
        $createLinkNode('https://example.org/a').append($createTextNode('原文')),
      );
      const quote = $createQuoteNode().append($createTextNode('扛起背包再出发'));
      const bullets = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('关键词堆砌')),
        $createListItemNode().append($createTextNode('重复段落')),
      );
      const numbers = $createListNode('number').append(
        $createListItemNode().append($createTextNode('第一')),
        $createListItemNode().append($createTextNode('第二')),
      );
      root.append(first, quote, bullets, numbers);
    },
    { discrete: true },
  );
}

const toMarkdown = (editor: LexicalEditor) => editor.read(() => $convertToMarkdownString(noteTransformers));

const expectedMarkdown = [
  '记者写道 **平安晋江** 与 *背包精神*,见 [原文](https://example.org/a)',
  '> 扛起背包再出发',
  '- 关键词堆砌\n- 重复段落',
  '1. 第一\n2. 第二',
].join('\n\n');

describe('noteNodes and noteTransformers', () => {
  it('export a note with bold, italic, a link, a quote and both lists to Markdown in plain Node', () => {
    const editor = headlessEditor();
    writeSampleNote(editor);
    expect(toMarkdown(editor)).toBe(expectedMarkdown);
  });

  it('parse the editor state JSON the renderer stores and export the same Markdown', () => {
    const writer = headlessEditor();
    writeSampleNote(writer);
    const json = JSON.stringify(writer.getEditorState().toJSON());

    const reader = headlessEditor();
    reader.setEditorState(reader.parseEditorState(json));
    expect(toMarkdown(reader)).toBe(expectedMarkdown);
    expect(reader.read(() => $getRoot().getTextContent())).toContain('平安晋江');
  });

  it('read their own Markdown back into the same document', () => {
    const editor = headlessEditor();
    editor.update(() => $convertFromMarkdownString(expectedMarkdown, noteTransformers), { discrete: true });
    expect(toMarkdown(editor)).toBe(expectedMarkdown);
    const types = editor.read(() =>
      $getRoot()
        .getChildren()
        .map((node) => node.getType()),
    );
    expect(types).toEqual(['paragraph', 'quote', 'list', 'list']);
  });

  it('hold only what they can export: every transformer depends on registered nodes', () => {
    const registered = new Set(noteNodes.map((node) => node.getType()));
    for (const transformer of noteTransformers) {
      if (!('dependencies' in transformer)) continue;
      for (const dependency of transformer.dependencies) expect(registered).toContain(dependency.getType());
    }
  });
});
