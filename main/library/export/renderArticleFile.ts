import type { TextConverter } from '../../../preload/common/createConverter';
import type { ArticleAnnotations } from './exportData';
import { escapeMarkdownText } from './escapeMarkdownText';
import { frontMatter } from './frontMatter';
import { obsidianTagName } from './obsidianTag';
import { renderOrphan, renderParagraph } from './renderPassages';

export interface FileOptions {
  converter: TextConverter;
  highlightsOnly: boolean;
  exportedAt: string;
}

/** Every tag an article's annotations use, sorted, as Obsidian names. */
export function articleTags(annotations: ArticleAnnotations): string[] {
  const names = new Set<string>();
  for (const p of annotations.paragraphs) {
    for (const t of p.tags) names.add(obsidianTagName(t));
    for (const h of p.highlights) for (const t of h.tags) names.add(obsidianTagName(t));
  }
  for (const h of annotations.orphans) for (const t of h.tags) names.add(obsidianTagName(t));
  return [...names].sort();
}

/**
 * One article as a Markdown file: front matter (title, source, author, date, url, tags,
 * exported_at, and the pizhu link), the title as a heading, then each annotated paragraph in
 * reading order and the orphaned highlights last. Text is shown in the converter's script.
 */
export function renderArticleFile(annotations: ArticleAnnotations, options: FileOptions): string {
  const { article } = annotations;
  const title = options.converter.convert(article.title).text;
  const out: string[] = [
    frontMatter({
      title,
      source: article.source,
      author: article.author,
      date: article.publishedAt,
      url: article.url,
      tags: articleTags(annotations),
      exported_at: options.exportedAt,
      pizhu: `pizhu://article/${article.id}`,
    }),
    `# ${escapeMarkdownText(title.replace(/\s+/g, ' '))}`,
    '',
  ];
  if (article.subtitle) out.push(escapeMarkdownText(options.converter.convert(article.subtitle).text), '');
  for (const paragraph of annotations.paragraphs) renderParagraph(out, paragraph, options);
  if (annotations.orphans.length > 0) {
    out.push('## Orphaned highlights', '');
    for (const orphan of annotations.orphans) renderOrphan(out, article.id, orphan, options.converter);
  }
  return out.join('\n');
}
