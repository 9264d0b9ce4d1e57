import { hanCount } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

/** Shorter repeats are normal (a caption or 图片 twice, a refrain): only whole paragraphs count. */
const minHan = 10;

/**
 * Flags 'duplicate' on every later occurrence of a paragraph that already appeared, compared
 * without whitespace (a re-scraped copy often differs in layout only). Boilerplate
 * is left out: it is hidden already, and a page repeats its furniture.
 */
export function flagDuplicates(paragraphs: readonly WorkingParagraph[]): void {
  const seen = new Set<string>();
  for (const p of paragraphs) {
    // Counted before the key is built: whitespace is never Han, and most short lines stop here.
    if (p.kind === 'boilerplate' || hanCount(p.text) < minHan) continue;
    const key = p.text.replace(/\s+/gu, '');
    if (seen.has(key)) addFlag(p, 'duplicate');
    else seen.add(key);
  }
}
