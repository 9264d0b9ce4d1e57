/**
 * Pairs each old paragraph with the new paragraph that is the same text, nearest in order
 * first. Unpaired old paragraphs have no equal any more; their annotations are re-anchored.
 */
export function matchParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): Array<number | null> {
  const byText = new Map<string, number[]>();
  newTexts.forEach((text, i) => {
    const list = byText.get(text);
    if (list) list.push(i);
    else byText.set(text, [i]);
  });
  const taken = new Set<number>();
  return oldTexts.map((text, oldIndex) => {
    const candidates = (byText.get(text) ?? []).filter((i) => !taken.has(i));
    if (candidates.length === 0) return null;
    const nearest = candidates.reduce((a, b) => (Math.abs(b - oldIndex) < Math.abs(a - oldIndex) ? b : a));
    taken.add(nearest);
    return nearest;
  });
}
