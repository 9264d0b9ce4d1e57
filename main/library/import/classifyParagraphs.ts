import { classifyHead, findBodyStart } from './classifyHead';
import { classifyLine, type LineContext } from './classifyLine';
import { isFooterStart } from './lineCues';
import { compact } from './textPatterns';
import type { WorkingParagraph } from './workingParagraph';

/**
 * Gives every paragraph a kind: title, subtitle, byline, heading, body, caption or boilerplate.
 * Three zones, each with its own small set of rules: the head (before the story's first
 * running paragraph), the body, and the footer (from a line such as 相关文章 or 免责声明 on,
 * everything is boilerplate: related stories, comments, legal text).
 */
export function classifyParagraphs(paragraphs: readonly WorkingParagraph[]): void {
  const bodyStart = findBodyStart(paragraphs);
  const openHead = new Set(classifyHead(paragraphs, bodyStart));
  const title = paragraphs.find((p) => p.kind === 'title');
  const context: LineContext = { titleCompact: title ? compact(title.cue) : '', typicalGap: typicalGap(paragraphs) };
  let inFooter = false;
  paragraphs.forEach((p, i) => {
    if (i < bodyStart) {
      if (openHead.has(i)) p.kind = classifyLine(p, context);
      return;
    }
    inFooter ||= isFooterStart(p.cue);
    p.kind = inFooter ? 'boilerplate' : classifyLine(p, context);
  });
}

/** The median number of blank lines between paragraphs. */
function typicalGap(paragraphs: readonly WorkingParagraph[]): number {
  // A typed array sorts numerically without a comparator call per comparison.
  const gaps = new Float64Array(Math.max(paragraphs.length - 1, 0));
  for (let i = 1; i < paragraphs.length; i++) gaps[i - 1] = paragraphs[i]?.blankLinesBefore ?? 0;
  gaps.sort();
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}
