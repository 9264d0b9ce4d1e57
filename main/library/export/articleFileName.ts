import { safeFileName } from './safeFileName';

/** `江西接续奋斗… (12).md`: the stored title (the same in every script mode) and the id, always, so names never move. */
export function articleFileName(article: { id: number; title: string }): string {
  return safeFileName({ stem: article.title, suffix: ` (${article.id})`, extension: '.md', fallback: 'article' });
}

/** The Obsidian link target of an exported article: its file name without `.md`. */
export function articleLinkTarget(article: { id: number; title: string }): string {
  return articleFileName(article).replace(/\.md$/, '');
}

/** `tag 政策／互联网.md`. */
export function tagReportFileName(tag: string): string {
  return safeFileName({ stem: `tag ${tag}`, extension: '.md' });
}
