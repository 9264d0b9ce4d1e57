import { articleLinkTarget } from './articleFileName';
import type { ArticleAnnotations } from './exportData';
import { escapeMarkdownText } from './escapeMarkdownText';
import { renderRegionedFile, type RegionedFile } from './regionedFile';

/**
 * `index.md` of a library export: one line per article file, as an Obsidian link, with what it
 * holds. `linkTarget` names the file an article went to when it is not its usual name (the
 * usual one held a file Pizhu had to keep).
 */
export function renderIndex(
  groups: readonly ArticleAnnotations[],
  exportedAt: string,
  linkTarget: (article: ArticleAnnotations['article']) => string | undefined = () => undefined,
): string {
  return renderRegionedFile(indexRegions(groups, exportedAt, linkTarget));
}

/** What the index says of one article: the article, and how many highlights and notes its file holds. */
export interface IndexEntry {
  article: ArticleAnnotations['article'];
  highlights: number;
  notes: number;
}

/** An article's index entry, counted from its annotations. */
export function indexEntry(group: ArticleAnnotations): IndexEntry {
  return {
    article: group.article,
    highlights: group.orphans.length + group.paragraphs.reduce((n, p) => n + p.highlights.length, 0),
    notes: group.paragraphs.filter((p) => p.note !== null).length,
  };
}

/** renderIndex's parts: its properties, the title and the list, each a marked region (markedRegions). */
export function indexRegions(
  groups: readonly ArticleAnnotations[],
  exportedAt: string,
  linkTarget: (article: ArticleAnnotations['article']) => string | undefined = () => undefined,
): RegionedFile {
  return indexRegionsOf(groups.map(indexEntry), exportedAt, linkTarget);
}

/** indexRegions from the entries (a library export counts each article as it writes it, then lets its annotations go). */
export function indexRegionsOf(
  entries: readonly IndexEntry[],
  exportedAt: string,
  linkTarget: (article: ArticleAnnotations['article']) => string | undefined = () => undefined,
): RegionedFile {
  const out: string[] = [];
  for (const { article, highlights, notes } of entries) {
    const facts = [article.source, article.publishedAt]
      .filter((f): f is string => !!f)
      .map((f) => escapeMarkdownText(f.replace(/\s+/g, ' '), { lineStart: false, lineEnd: false }));
    facts.push(
      `${highlights} ${highlights === 1 ? 'highlight' : 'highlights'}`,
      `${notes} ${notes === 1 ? 'note' : 'notes'}`,
    );
    out.push(`- [[${linkTarget(article) ?? articleLinkTarget(article)}]] · ${facts.join(' · ')}`);
  }
  const regions = [{ id: 'head', body: '# Pizhu library' }];
  // No articles, no list: an empty region would read as one the person emptied.
  if (out.length > 0) regions.push({ id: 'index', body: out.join('\n') });
  return { fields: { title: 'Pizhu library', exported_at: exportedAt }, regions };
}
