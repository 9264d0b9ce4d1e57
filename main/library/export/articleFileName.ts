import { isFaithfulStem, safeFileName } from './safeFileName';
import { sha256 } from '../files/writeTextFile';

/** `江西接续奋斗… (12).md`: the stored title (the same in every script mode) and the id, always, so names never move. */
export function articleFileName(article: { id: number; title: string }): string {
  return safeFileName({ stem: article.title, suffix: ` (${article.id})`, extension: '.md', fallback: 'article' });
}

/** The Obsidian link target of an exported article: its file name without `.md`. */
export function articleLinkTarget(article: { id: number; title: string }): string {
  return articleFileName(article).replace(/\.md$/, '');
}

/**
 * `tag 政策／互联网.md`; `tag 1／2 (1f0c9a2e).md` when the name cannot say the tag exactly
 * (characters dropped, dots trimmed, cut short, a full-width twin already in the tag) or when a file system that ignores
 * case could take it for another tag (`Ä` and `ä` are two tags): then a hash of the tag keeps
 * two tags on two files (`.` and `..` both clean to `tag`).
 */
export function tagReportFileName(tag: string): string {
  const name = safeFileName({ stem: `tag ${tag}`, extension: '.md' });
  if (isFaithfulStem(`tag ${tag}`, name.slice(0, -'.md'.length)) && !hasNonAsciiCase(tag)) return name;
  const hash = sha256(tag).slice(0, 8);
  return safeFileName({ stem: `tag ${tag}`, suffix: ` (${hash})`, extension: '.md' });
}

/** The library tells tags apart by ASCII case only (COLLATE NOCASE); file systems fold more. */
function hasNonAsciiCase(text: string): boolean {
  for (const c of text) if (c > '\u007f' && c.toLowerCase() !== c.toUpperCase()) return true;
  return false;
}
