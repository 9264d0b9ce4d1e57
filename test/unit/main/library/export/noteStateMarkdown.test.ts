import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $createQuoteNode } from '@lexical/rich-text';
import type { Nodes } from 'mdast';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { noteNodes, noteTransformers } from '../../../../../preload/common/noteNodes';
import { noteStateMarkdown } from '../../../../../main/library/export/noteStateMarkdown';
import { between, hostileLine, pick, seededRandom, type Random } from './hostileText';
import { allNodes, parseMarkdown, textOf } from './parseMarkdown';

// Issue #12 item 11 and "Markdown escaping proven", for notes: the editor stores Markdown that
// escapes only its own emphasis markers, so words a person typed became live Markdown in an export.

function newEditor() {
  return createHeadlessEditor({
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
}

/** The three forms the app stores for a note built by `build`, as its editor would. */
function noteOf(build: () => void) {
  const editor = newEditor();
  editor.update(build, { discrete: true });
  const state = editor.getEditorState();
  return {
    editorState: JSON.stringify(state.toJSON()),
    plainText: state.read(() => $getRoot().getTextContent()),
    markdown: state.read(() => $convertToMarkdownString(noteTransformers)),
  };
}

/** Node types apart from text and links a reader makes of a bare address (its text exactly as typed). */
function structure(tree: Nodes): string[] {
  return allNodes(tree)
    .filter((n) => n.type !== 'text' && !isLiteralAutolink(n))
    .map((n) => n.type);
}

function isLiteralAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return [text, `http://${text}`, `mailto:${text}`].includes(node.url);
}

const typed = '见[链接](http://evil.example/) 和 <b>粗</b> ==高亮== ![t](http://evil.example/i.png) &amp; `code` #标签';

describe('a note in an export', () => {
  it('keeps Markdown a person typed as text: no link, image, HTML, code or highlight (the stored Markdown had them)', () => {
    const note = noteOf(() => $getRoot().append($createParagraphNode().append($createTextNode(typed))));
    // The stored form is live Markdown: the reason the export no longer uses it.
    const stored = allNodes(parseMarkdown(note.markdown)).map((n) => n.type);
    expect(stored).toEqual(expect.arrayContaining(['link', 'image', 'html']));

    const tree = parseMarkdown(noteStateMarkdown(note));
    expect(structure(tree)).toEqual(['root', 'paragraph']);
    expect(textOf(tree)).toBe(typed);
  });

  it('keeps the structure the person made: bold, italic, links, quotes and lists', () => {
    const note = noteOf(() => {
      const link = $createLinkNode('https://example.com/a b?q=<1>').append($createTextNode('[不是] 链接*'));
      $getRoot().append(
        $createParagraphNode().append(
          $createTextNode('要点').setFormat('bold'),
          $createTextNode(':*互联网*'),
          $createTextNode(' 治理 ').setFormat('italic'),
          link,
        ),
        $createQuoteNode().append($createTextNode('- 引用里'), $createLineBreakNode(), $createTextNode('# 第二行')),
        $createListNode('number', 3).append(
          $createListItemNode().append($createTextNode('1. 第一')),
          $createListItemNode().append($createListNode('bullet').append($createListItemNode().append($createTextNode('+ 嵌套')))),
        ),
      );
    });
    const tree = parseMarkdown(noteStateMarkdown(note));
    const types = allNodes(tree).map((n) => n.type);
    expect(types.filter((t) => t === 'strong')).toHaveLength(1);
    expect(types.filter((t) => t === 'emphasis')).toHaveLength(1);
    expect(types.filter((t) => t === 'blockquote')).toHaveLength(1);
    expect(types.filter((t) => t === 'list')).toHaveLength(2);
    expect(types).not.toContain('heading');
    const links = allNodes(tree).filter((n) => n.type === 'link');
    expect(links.map((l) => [l.type === 'link' && l.url, textOf(l)])).toEqual([
      ['https://example.com/a%20b?q=%3C1%3E', '[不是] 链接*'],
    ]);
    expect(textOf(tree)).toContain('要点:*互联网* 治理 [不是] 链接*');
    expect(textOf(tree)).toContain('- 引用里\n# 第二行');
    const list = tree.children.find((c) => c.type === 'list');
    expect(list?.type === 'list' && list.start).toBe(3);
  });

  it('writes a note whose state is not Lexical JSON, or shows no words, as its plain text, escaped', () => {
    for (const editorState of ['', '{}', 'null', '{"root":1}', '{"root":{"children":[]}}']) {
      const markdown = noteStateMarkdown({ editorState, plainText: '[x](<http://evil.example/>) <b>', markdown: '' });
      const tree = parseMarkdown(markdown);
      expect(structure(tree)).toEqual(['root', 'paragraph']);
      expect(textOf(tree)).toBe('[x](<http://evil.example/>) <b>');
    }
  });

  it('gains no structure beyond its editor state (300 seeded notes)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const expected = { links: [] as string[], strong: 0, emphasis: 0, quotes: 0, lists: 0, text: '' };
      const note = noteOf(() => {
        const blocks = between(random, 1, 3);
        for (let b = 0; b < blocks; b++) $getRoot().append(randomBlock(random, expected));
      });
      // Lexical joins lists of one kind that meet: count what the state holds.
      const stateTypes = stateNodeTypes(JSON.parse(note.editorState));
      expected.lists = stateTypes.filter((t) => t === 'list').length;
      expected.quotes = stateTypes.filter((t) => t === 'quote').length;
      const markdown = noteStateMarkdown(note);
      const context = `seed ${seed}:\n${markdown}`;
      const nodes = allNodes(parseMarkdown(markdown));
      const count = (type: string) => nodes.filter((n) => n.type === type).length;
      const allowed = new Set(['root', 'paragraph', 'text', 'strong', 'emphasis', 'link', 'list', 'listItem', 'blockquote']);
      expect(
        nodes.filter((n) => !allowed.has(n.type)).map((n) => n.type),
        context,
      ).toEqual([]);
      expect(
        nodes.filter((n) => n.type === 'link' && !isLiteralAutolink(n)).map((n) => (n as { url: string }).url),
        context,
      ).toEqual(expected.links);
      expect([count('strong'), count('emphasis'), count('blockquote'), count('list')], context).toEqual([
        expected.strong,
        expected.emphasis,
        expected.quotes,
        expected.lists,
      ]);
      // Every character typed reads back (white space apart: blocks and lines separate differently).
      const words = (s: string) => s.replace(/\s+/g, '');
      expect(words(nodes.filter((n) => n.type === 'text').map((n) => textOf(n)).join('')), context).toBe(
        words(expected.text),
      );
    }
  });
});

interface Expected {
  links: string[];
  strong: number;
  emphasis: number;
  quotes: number;
  lists: number;
  text: string;
}

/** Hostile words in runs; some bold or italic (around plain words, where Markdown can mark them), some linked. */
function randomInline(random: Random, expected: Expected): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  const n = between(random, 1, 4);
  for (let i = 0; i < n; i++) {
    const roll = random();
    if (roll < 0.15 && i > 0 && nodes[nodes.length - 1]?.getType() !== 'link') {
      const url = `https://user.example/${seedWord(random)}`;
      const label = hostileLine(random, 3).replace(/\s+/g, ' ').trim() || 'x';
      expected.links.push(url);
      expected.text += label;
      nodes.push($createLinkNode(url).append($createTextNode(label)));
    } else if (roll < 0.3) {
      const word = seedWord(random);
      const format = pick(random, ['bold', 'italic'] as const);
      if (format === 'bold') expected.strong++;
      else expected.emphasis++;
      expected.text += word;
      // Plain text on both sides, spaced: a marker next to punctuation may not count (CommonMark's flanking).
      nodes.push($createTextNode(' '), $createTextNode(word).setFormat(format), $createTextNode(' '));
    } else {
      const text = hostileLine(random);
      expected.text += text;
      nodes.push($createTextNode(text));
    }
    if (random() < 0.1) nodes.push($createLineBreakNode());
  }
  return nodes;
}

function randomBlock(random: Random, expected: Expected): ElementNode {
  const roll = random();
  if (roll < 0.2) {
    expected.quotes++;
    return $createQuoteNode().append(...randomInline(random, expected));
  }
  if (roll < 0.4) {
    expected.lists++;
    const list = $createListNode(random() < 0.5 ? 'bullet' : 'number');
    const items = between(random, 1, 3);
    for (let i = 0; i < items; i++) list.append($createListItemNode().append(...randomInline(random, expected)));
    return list;
  }
  return $createParagraphNode().append(...randomInline(random, expected));
}

function seedWord(random: Random): string {
  return pick(random, ['要点', '互联网', 'abc', '治理2024', 'Policy']);
}

function stateNodeTypes(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as { type?: unknown; children?: unknown; root?: unknown };
  const own = typeof record.type === 'string' ? [record.type] : [];
  const kids = Array.isArray(record.children) ? record.children : record.root ? [record.root] : [];
  return [...own, ...kids.flatMap(stateNodeTypes)];
}
