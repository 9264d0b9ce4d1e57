import type { DuplicateGroup } from '../../preload/contract/duplicateTypes';
import type { ImportOutcome } from '../../preload/contract/articleTypes';

/** A similarity as a person reads it: 87%, never 100% for a repost that is not the same text. */
export function percentAlike(similarity: number): string {
  return `${Math.min(Math.floor(similarity * 100), similarity < 1 ? 99 : 100)}%`;
}

/** `pizhu duplicates` as text: each group's articles, then how alike each pair is. */
export function formatDuplicateGroups(groups: readonly DuplicateGroup[]): string[] {
  if (groups.length === 0) return ['No duplicates or reposts in the library.'];
  const lines = [`${groups.length} group(s) of duplicates and reposts:`];
  groups.forEach((group, i) => {
    lines.push('', `group ${i + 1}:`);
    for (const a of group.articles) {
      lines.push(`  ${a.articleId}\t${a.publishedAt ?? '----------'}\t${a.source ?? ''}\t${a.title}`);
    }
    for (const p of group.pairs) {
      const kind = p.sameText ? 'the same text' : `a repost, ${percentAlike(p.similarity)} alike`;
      lines.push(`  ${p.a} and ${p.b}: ${kind}`);
    }
  });
  return lines;
}

/** What `pizhu import` says about a file it kept beside an article with the same text. */
export function formatImportLinks(o: ImportOutcome): string[] {
  if (o.status !== 'imported' || !o.duplicateOf) return [];
  return [`kept: ${o.fileName}: the same text as ${o.duplicateOf.articleId} "${o.duplicateOf.title}"; both kept`];
}
