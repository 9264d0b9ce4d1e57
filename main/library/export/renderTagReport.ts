import { createConverter } from '../../../preload/common/createConverter';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import { articleLinkTarget } from './articleFileName';
import type { ArticleAnnotations } from './exportData';
import { escapeMarkdownText } from './escapeMarkdownText';
import { frontMatter } from './frontMatter';
import { obsidianTagName } from './obsidianTag';
import { backLink, renderOrphan, renderParagraph } from './renderPassages';

export interface TagReportOptions {
  script: ScriptMode;
  highlightsOnly: boolean;
  exportedAt: string;
}

/**
 * A codebook report: every passage of a tag (and the tags under it) across the library, one
 * section per article in article order, each linking to the article's exported file and back
 * to the app. Each article's text is shown in the requested script.
 */
export function renderTagReport(tag: string, groups: readonly ArticleAnnotations[], options: TagReportOptions): string {
  const out: string[] = [
    frontMatter({ title: `Tag: ${tag}`, tags: [obsidianTagName(tag)], exported_at: options.exportedAt }),
    `# Tag: ${escapeMarkdownText(tag)}`,
    '',
  ];
  for (const group of groups) {
    const converter = createConverter(group.article.script, options.script);
    const { article } = group;
    out.push(
      `## ${escapeMarkdownText(converter.convert(article.title).text.replace(/\s+/g, ' ').trim())}`,
      '',
      `[[${articleLinkTarget(article)}]] ${backLink(article.id)}`,
      '',
    );
    for (const paragraph of group.paragraphs) {
      renderParagraph(out, paragraph, { converter, highlightsOnly: options.highlightsOnly });
    }
    for (const orphan of group.orphans) renderOrphan(out, article.id, orphan, converter);
  }
  return out.join('\n');
}
