/**
 * Autocomplete for tag names. Nested names are `parent/child`, so a query matches the start of
 * the name first, then the start of any level, then anywhere; case-insensitive.
 */
export function matchTags(names: readonly string[], query: string, limit = 8): string[] {
  const q = query.trim().toLowerCase();
  if (q === '') return names.slice(0, limit);
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower === q) continue; // already typed in full: nothing to complete
    let score = -1;
    if (lower.startsWith(q)) score = 0;
    else if (lower.split('/').some((level) => level.startsWith(q))) score = 1;
    else if (lower.includes(q)) score = 2;
    if (score >= 0) scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
