import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { noteNodes, noteTransformers } from '../../../../../preload/common/noteNodes';
import type { Highlight } from '../../../../../preload/contract/annotationTypes';
import type { ArticleView, ParagraphView } from '../../../../../preload/contract/articleTypes';
import { bodyParagraphs, openSeededLibrary, seedArticle, type SeededLibrary } from '../../../../support/seededLibrary';

/** Article text that would be Markdown, HTML, Obsidian syntax if written as it is. */
export const craftedText = [
  '互联网与平安:一次测试',
  '',
  '# 不是标题,是正文里的井号',
  '',
  '- 不是列表 + 也不是',
  '',
  '1. 不是编号的段落,后面还有文字。',
  '',
  '*不是强调* 和 _也不是_ 和 `代码` 和 [链接](http://example.com) 和 <b>HTML</b> | 表格 | ==高亮== ~删~ $数学$ \\反斜杠 %%注释%% [[维基]] #话题# ^block',
  '',
  '> 不是引用。我们用U盘连接互联网,互联网改变了生活,也改变了治安工作的方式。',
  '',
  '行一讲治理\n## 行二不是标题\n- 行三不是列表\n    行四不是代码',
  '',
  '生僻字𠀀在这里,普通的一段话,讲的是互联网时代的基层治理和平安建设。',
].join('\n');

export const noteMarkdown = '**要点**:互联网治理\n\n- 第一条\n- 第二条';

export interface AnnotatedLibrary extends SeededLibrary {
  crafted: ArticleView;
  /** The crafted paragraph holding 互联网 (twice) and a quote marker. */
  internetParagraph: ParagraphView;
  /** Highlight over the first 互联网 of internetParagraph. */
  internet: Highlight;
  highlights: Highlight[];
  setNow(date: Date): void;
}

/**
 * The five seeds plus a crafted article full of Markdown look-alikes, with highlights (one
 * pair overlapping), nested tags on highlights and paragraphs, and notes with Markdown.
 */
export async function openAnnotatedLibrary(): Promise<AnnotatedLibrary> {
  let now = new Date('2026-11-23T10:00:00.000Z');
  const seeded = await openSeededLibrary(() => now);
  const { library } = seeded;
  const outcome = library.importText(craftedText, '互联网与平安:一次测试');
  const crafted = library.getArticle(outcome.articleId!);
  const { annotations } = library;
  const paragraph = (start: string) => crafted.paragraphs.find((p) => p.text.startsWith(start))!;
  const internetParagraph = paragraph('> 不是引用');
  const at = internetParagraph.text.indexOf('互联网');
  const internet = annotations.createHighlight({
    paragraphId: internetParagraph.id,
    start: at,
    end: at + 3,
    color: 'yellow',
    tags: ['政策/互联网'],
  });
  const highlights: Highlight[] = [internet];
  const hostile = paragraph('*不是强调*');
  highlights.push(
    annotations.createHighlight({
      paragraphId: hostile.id,
      start: 0,
      end: 12,
      color: 'blue',
      tags: ['方法/编码', 'Markdown look-alike'],
    }),
    annotations.createHighlight({ paragraphId: hostile.id, start: 8, end: 20, color: 'green', tags: ['政策'] }),
  );
  const heading = paragraph('# 不是标题');
  highlights.push(annotations.createHighlight({ paragraphId: heading.id, start: 0, end: 6, color: 'pink' }));
  annotations.tagParagraph(paragraph('1. 不是编号').id, '政策/治理');
  annotations.saveNote({
    paragraphId: internetParagraph.id,
    editorState: stateFromMarkdown(noteMarkdown),
    plainText: '要点 互联网治理 第一条 第二条',
    markdown: noteMarkdown,
  });
  annotations.saveNote({
    paragraphId: paragraph('1. 不是编号').id,
    editorState: stateFromMarkdown('编号的*说明*'),
    plainText: '编号的说明',
    markdown: '编号的*说明*',
  });

  for (const prefix of ['001', '004']) {
    const article = seedArticle(library, prefix);
    const [first, second] = bodyParagraphs(article);
    highlights.push(
      annotations.createHighlight({ paragraphId: first!.id, start: 2, end: 10, color: 'yellow', tags: ['政策/治理'] }),
    );
    annotations.tagParagraph(second!.id, '政策');
    annotations.saveNote({
      paragraphId: second!.id,
      editorState: stateFromMarkdown(`${prefix} 的**笔记**\n\n1. 一\n2. 二`),
      plainText: `${prefix} 的笔记`,
      markdown: `${prefix} 的**笔记**\n\n1. 一\n2. 二`,
    });
  }
  return {
    ...seeded,
    crafted: library.getArticle(crafted.id),
    internetParagraph,
    internet,
    highlights,
    setNow(date: Date) {
      now = date;
    },
    get library() {
      return seeded.library;
    },
  };
}

/** A small Lexical-shaped editor state. */
export function editorState(text: string): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }],
    },
  });
}

/** The editor state the app's editor holds for a note it would store as `markdown`. */
export function stateFromMarkdown(markdown: string): string {
  const editor = createHeadlessEditor({
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $convertFromMarkdownString(markdown, noteTransformers), { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}
