import { createConverter, type TextConverter } from '../../../preload/common/createConverter';
import type { ScriptMode } from '../../../preload/common/scriptModes';
import type { TermOverride } from '../../../preload/contract/termOverrideTypes';
import type { ArticleAnnotations, ExportParagraph } from './exportData';
import { escapeMarkdownText } from './escapeMarkdownText';
import { markedLines } from './markHighlights';
import type { Region } from './markedRegions';
import { obsidianTagName } from './obsidianTag';
import { renderRegionedFile, type RegionedFile } from './regionedFile';
import { renderOrphan, renderPassage } from './renderPassages';
import { unplacedRegions } from './renderUnplaced';

export interface FileOptions {
  converter: TextConverter;
  highlightsOnly: boolean;
  exportedAt: string;
  /** The article's text whole: a paragraph with nothing annotated is written as the text it is. */
  fullText?: boolean;
}

/** Every tag an article's annotations use, sorted, as Obsidian names. */
export function articleTags(annotations: ArticleAnnotations): string[] {
  const names = new Set<string>();
  for (const p of annotations.paragraphs) {
    for (const t of p.tags) names.add(obsidianTagName(t));
    for (const h of p.highlights) for (const t of h.tags) names.add(obsidianTagName(t));
  }
  for (const h of annotations.orphans) for (const t of h.tags) names.add(obsidianTagName(t));
  for (const u of annotations.unplaced ?? []) if (u.tag !== null) names.add(obsidianTagName(u.tag));
  return [...names].sort();
}

/**
 * The paragraphs as passages: one paragraph each, except that paragraphs a highlight group runs
 * across (one selection over several paragraphs) are one passage, to be quoted as one.
 */
function passages(paragraphs: readonly ExportParagraph[]): ExportParagraph[][] {
  const out: ExportParagraph[][] = [];
  let previousGroups = new Set<string>();
  for (const paragraph of paragraphs) {
    const groups = new Set(paragraph.highlights.flatMap((h) => (h.groupId === undefined ? [] : [h.groupId])));
    const joined = [...groups].some((g) => previousGroups.has(g));
    if (joined) out[out.length - 1]!.push(paragraph);
    else out.push([paragraph]);
    previousGroups = groups;
  }
  return out;
}

/** A paragraph with a highlight, a tag or a note (in a full-text export, the others are there too). */
export function isAnnotated(paragraph: ExportParagraph): boolean {
  return paragraph.highlights.length > 0 || paragraph.tags.length > 0 || paragraph.note !== null;
}

/**
 * One article as a Markdown file: front matter (title, source, author, date, url, tags,
 * exported_at, and the pizhu link), the title as a heading, then each annotated paragraph in
 * reading order (full text: every body paragraph, the annotated ones quoted with their
 * annotations), the orphaned highlights, and last the notes and paragraph tags not placed. Text is shown in the converter's script.
 */
export function renderArticleFile(annotations: ArticleAnnotations, options: FileOptions): string {
  return renderRegionedFile(articleRegions(annotations, options));
}

/**
 * renderArticleFile's parts: the properties Pizhu owns and one marked region per block (the
 * title, each passage, each orphan), so a re-export can tell them from what the person wrote.
 */
export function articleRegions(annotations: ArticleAnnotations, options: FileOptions): RegionedFile {
  const { article } = annotations;
  const title = options.converter.convert(article.title).text;
  const fields = {
    title,
    source: article.source,
    author: article.author,
    date: article.publishedAt,
    url: article.url,
    tags: articleTags(annotations),
    exported_at: options.exportedAt,
    pizhu: `pizhu://article/${article.id}`,
  };
  const head = [`# ${escapeMarkdownText(title.replace(/\s+/g, ' '))}`];
  if (article.subtitle) head.push('', escapeMarkdownText(options.converter.convert(article.subtitle).text));
  const regions: Region[] = [{ id: 'head', body: head.join('\n') }];
  // The person's own words, as they wrote them (no script conversion), before the passages.
  if (annotations.memo !== undefined) regions.push({ id: 'memo', body: `## Memo\n\n${annotations.memo}` });
  for (const passage of passages(annotations.paragraphs)) {
    const out: string[] = [];
    const paragraph = passage[0]!;
    // The full text's unannotated paragraphs are the text itself; everything else is a passage.
    if (options.fullText && !isAnnotated(paragraph))
      out.push(...markedLines(options.converter.convert(paragraph.text).text, []));
    else renderPassage(out, passage, options);
    regions.push({ id: `p-${paragraph.id}`, body: out.join('\n') });
  }
  if (annotations.orphans.length > 0) {
    regions.push({ id: 'orphans', body: '## Orphaned highlights' });
    for (const orphan of annotations.orphans) {
      const out: string[] = [];
      renderOrphan(out, article.id, orphan, options.converter);
      regions.push({ id: `h-${orphan.id}`, body: out.join('\n') });
    }
  }
  regions.push(...unplacedRegions(annotations.unplaced));
  return { fields, regions };
}

/** articleRegions in the script asked for, converted as the reader shows it (the library's own conversions too). */
export function regionedArticleFile(
  annotations: ArticleAnnotations,
  options: Omit<FileOptions, 'converter'> & { script: ScriptMode; overrides: readonly TermOverride[] },
): RegionedFile {
  const { article } = annotations;
  const converter = createConverter(article.script, options.script, article.region, options.overrides);
  return articleRegions(annotations, {
    converter,
    highlightsOnly: options.highlightsOnly,
    exportedAt: options.exportedAt,
    fullText: options.fullText ?? false,
  });
}
