import { createConverter } from '../../../preload/common/createConverter';
import type { OverrideRule } from '../../../preload/common/termOverrides';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import { articleLinkTarget } from './articleFileName';
import type { ArticleAnnotations } from './exportData';
import { escapeMarkdownText } from './escapeMarkdownText';
import type { Region } from './markedRegions';
import { obsidianTagName } from './obsidianTag';
import { renderRegionedFile, type RegionedFile } from './regionedFile';
import { backLink, renderOrphan, renderParagraph } from './renderPassages';

export interface TagReportOptions {
  script: ScriptMode;
  highlightsOnly: boolean;
  exportedAt: string;
  /** The library's term overrides, applied in `script` as the reader applies them. */
  overrides?: readonly OverrideRule[];
}

/**
 * A codebook report: every passage of a tag (and the tags under it) across the library, one
 * section per article in article order, each linking to the article's exported file and back
 * to the app, and every passage names its source and date, so it can be quoted on its own.
 * Each article's text is shown in the requested script.
 */
export function renderTagReport(tag: string, groups: readonly ArticleAnnotations[], options: TagReportOptions): string {
  return renderRegionedFile(tagReportRegions(tag, groups, options));
}

/**
 * renderTagReport's parts: its properties and one marked region per block (the title, each
 * article's heading and links, each passage, each orphan), so a re-export can tell them from
 * what the person wrote in the report.
 */
export function tagReportRegions(
  tag: string,
  groups: readonly ArticleAnnotations[],
  options: TagReportOptions,
): RegionedFile {
  const regions: Region[] = [{ id: 'head', body: `# Tag: ${escapeMarkdownText(tag)}` }];
  for (const group of groups) {
    const converter = createConverter(group.article.script, options.script, group.article.region, options.overrides);
    const { article } = group;
    regions.push({
      id: `a-${article.id}`,
      body: [
        `## ${escapeMarkdownText(converter.convert(article.title).text.replace(/\s+/g, ' ').trim())}`,
        '',
        `[[${articleLinkTarget(article)}]] ${backLink(article.id)}`,
      ].join('\n'),
    });
    const citation = passageCitation(article, (text) => converter.convert(text).text);
    for (const paragraph of group.paragraphs) {
      const out: string[] = [];
      renderParagraph(out, paragraph, { converter, highlightsOnly: options.highlightsOnly, citation });
      regions.push({ id: `p-${paragraph.id}`, body: out.join('\n') });
    }
    for (const orphan of group.orphans) {
      const out: string[] = [];
      renderOrphan(out, article.id, orphan, converter);
      regions.push({ id: `h-${orphan.id}`, body: out.join('\n') });
    }
  }
  const fields = { title: `Tag: ${tag}`, tags: [obsidianTagName(tag)], exported_at: options.exportedAt };
  return { fields, regions };
}

/** `— 东南网 · 2023-09-15` (escaped; either part may be missing), or undefined when both are. */
export function passageCitation(
  article: Pick<ArticleAnnotations['article'], 'source' | 'publishedAt'>,
  convert: (text: string) => string,
): string | undefined {
  const parts = [
    article.source ? convert(article.source).replace(/\s+/g, ' ').trim() : '',
    article.publishedAt ?? '',
  ].filter((p) => p !== '');
  return parts.length === 0
    ? undefined
    : `— ${escapeMarkdownText(parts.join(' · '), { lineStart: false, lineEnd: false })}`;
}
