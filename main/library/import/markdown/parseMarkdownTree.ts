import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/**
 * CommonMark + GFM (tables, strikethrough, autolinks, footnotes) + YAML front matter: what
 * Obsidian, MarkDownload and static-site generators write. Positions are offsets into `text`
 * (micromark drops a leading BOM from its count, so `text` must not start with one).
 */
export function parseMarkdownTree(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}
