import { foldToSimplified } from '../../../../preload/common/foldScript';

/** A name as autocomplete compares it: folded to simplified characters and lowercased (技術 and 技术 are one name). */
function comparable(text: string): string {
  return foldToSimplified(text).toLowerCase();
}

/**
 * Autocomplete for tag names. Nested names are `parent/child`, so a query matches the start of
 * the name first, then the start of any level, then anywhere; case-insensitive and script-
 * insensitive, as the library's tag names are: 技術 suggests the existing 技术 (first, as the
 * tag that name will attach), and only the name typed exactly as stored is left out.
 */
export function matchTags(names: readonly string[], query: string, limit = 8): string[] {
  const typed = query.trim().toLowerCase();
  const q = comparable(query.trim());
  if (q === '') return names.slice(0, limit);
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of names) {
    if (name.toLowerCase() === typed) continue; // already typed in full: nothing to complete
    const folded = comparable(name);
    let score = -1;
    if (folded === q) score = 0;
    else if (folded.startsWith(q)) score = 1;
    else if (folded.split('/').some((level) => level.startsWith(q))) score = 2;
    else if (folded.includes(q)) score = 3;
    if (score >= 0) scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
