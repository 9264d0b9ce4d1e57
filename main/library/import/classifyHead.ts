import { repeatsTitle } from './classifyLine';
import { datelineLength, hasCaptionCue, isChromeLine, isMetadataLine, isUrlLine } from './lineCues';
import { compact, endsSentence, hanCount } from './textPatterns';
import type { WorkingParagraph } from './workingParagraph';

/** The head is never longer than this many paragraphs, so a text of short lines keeps a body. */
const maxHead = 8;

/**
 * Where the story begins: the first paragraph that reads as running text (a dateline, or long
 * enough with sentence punctuation). Everything before it is the head: page chrome, title,
 * subtitle, attribution.
 */
export function findBodyStart(paragraphs: readonly WorkingParagraph[]): number {
  const limit = Math.min(paragraphs.length, maxHead);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i];
    if (!p || p.markdownLevel !== null) continue;
    if (isFurniture(p)) continue;
    const han = hanCount(p.text);
    if (datelineLength(p.cue) > 0 || han >= 50 || (han > 30 && endsSentence(p.text))) return i;
  }
  return limit;
}

/** Page chrome, a URL line or attribution: short lines the line cues recognise. */
function isFurniture(p: WorkingParagraph): boolean {
  if (p.long) return isUrlLine(p.text.trim());
  return isChromeLine(p.cue) || isUrlLine(p.cue) || isMetadataLine(p.cue);
}

function isTitleCandidate(p: WorkingParagraph): boolean {
  if (p.markdownLevel !== null) return true;
  const line = p.cue;
  const han = hanCount(line);
  const long = han >= 6 || (han === 0 && line.length >= 10);
  return (
    long &&
    !p.long &&
    line.length <= 100 &&
    !/[。．;；,，、]$/u.test(line) &&
    datelineLength(line) === 0 &&
    !hasCaptionCue(line) // 图为…（记者 X 摄）: a caption above the story, not its headline
  );
}

/**
 * Kinds for the head, paragraphs [0, bodyStart): chrome and URL lines are boilerplate,
 * attribution is the byline, the first headline-sized line is the title (in Markdown, the first
 * `#` heading) and short lines above it are page chrome (channel names, widgets). A later line
 * that repeats the title ends a repeated headline block, all boilerplate. The line right after
 * the title is the subtitle. Returns the head paragraphs these rules leave open, for the line
 * rules of the body.
 */
export function classifyHead(
  paragraphs: readonly WorkingParagraph[],
  bodyStart: number,
  /** For a saved page: only a line saying the page's title is the title paragraph. */
  saysTitle?: (p: WorkingParagraph) => boolean,
): number[] {
  const open: number[] = [];
  let titleIndex = -1;
  const hasMarkdownHeading = paragraphs.slice(0, bodyStart).some((p) => p.markdownLevel !== null);
  for (let i = 0; i < bodyStart; i++) {
    const p = paragraphs[i];
    if (!p) continue;
    if (isFurniture(p)) p.kind = isMetadataLine(p.cue) && !isChromeLine(p.cue) ? 'byline' : 'boilerplate';
    else if (
      titleIndex < 0 &&
      (saysTitle ? saysTitle(p) : isTitleCandidate(p) && (!hasMarkdownHeading || p.markdownLevel !== null))
    ) {
      p.kind = 'title';
      titleIndex = i;
    } else open.push(i);
  }
  if (titleIndex < 0) return open;
  const title = paragraphs[titleIndex];
  const titleCompact = title ? compact(title.cue) : '';
  const before = open.filter((i) => i < titleIndex);
  let after = open.filter((i) => i > titleIndex);
  for (const i of before) {
    const p = paragraphs[i];
    if (p && hanCount(p.cue) < 6 && !endsSentence(p.cue)) p.kind = 'boilerplate';
  }
  const repeat = after.findLast((i) => repeatsTitle(paragraphs[i]?.cue ?? '', titleCompact));
  if (repeat !== undefined) {
    for (const i of after.filter((j) => j <= repeat)) {
      const p = paragraphs[i];
      if (p) p.kind = 'boilerplate';
    }
    after = after.filter((j) => j > repeat);
  }
  const first = after[0];
  const subtitle = first === undefined ? undefined : paragraphs[first];
  const betweenIsAttribution = paragraphs
    .slice(titleIndex + 1, first)
    .every((p) => p.kind === 'byline' || p.kind === 'boilerplate');
  if (first !== undefined && subtitle && betweenIsAttribution && isSubtitleShaped(subtitle)) {
    subtitle.kind = 'subtitle';
    after = after.slice(1);
  }
  return [...before.filter((i) => paragraphs[i]?.kind !== 'boilerplate'), ...after];
}

function isSubtitleShaped(p: WorkingParagraph): boolean {
  const han = hanCount(p.text);
  return han >= 4 && han <= 60 && !/。/u.test(p.text) && p.markdownLevel === null;
}
