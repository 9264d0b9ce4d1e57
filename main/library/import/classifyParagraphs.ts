import { classifyHead, findBodyStart } from './classifyHead';
import { classifyLine, repeatsTitle, type LineContext } from './classifyLine';
import { closesStory, isBareDate } from './cleaning/noiseLines';
import { spanRoles, type PageStructure } from './cleaning/pageStructure';
import type { BlockRole } from './extractHtmlArticle';
import { isFooterStart } from './lineCues';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { compact } from './textPatterns';
import type { WorkingParagraph } from './workingParagraph';

/** What a Markdown file's markup says: each paragraph's role, and the title its front matter names. */
export interface MarkedRoles {
  roles: readonly BlockRole[];
  title: string | null;
}

/**
 * Gives every paragraph a kind: title, subtitle, byline, heading, body, caption or boilerplate.
 * Three zones, each with its own small set of rules: the head (before the story's first
 * running paragraph), the body, and the footer (from a line such as 相关文章 or 免责声明 on,
 * everything is boilerplate: related stories, comments, legal text).
 *
 * For a saved page, `page` gives the page's title and what its markup says each block is:
 * headings come from the markup (h1–h6, a block all in <strong>), never from a line's shape;
 * a block under a picture or in <figcaption> is a caption; a short block that is all links is
 * navigation or a related story. The title paragraph is only a line that says the page title.
 * A Markdown file's markup says the same (MarkedRoles, one role per paragraph); its title
 * paragraph is the line saying the front matter's title, or else the first `#` heading.
 */
export function classifyParagraphs(
  paragraphs: readonly WorkingParagraph[],
  page?: { text: string; structure: PageStructure } | MarkedRoles,
): void {
  const marked = page && 'roles' in page ? page : null;
  const roles: readonly (BlockRole | undefined)[] = marked
    ? marked.roles
    : page && 'structure' in page
      ? spanRoles(page.text, page.structure, paragraphs)
      : [];
  const bodyStart = findBodyStart(paragraphs);
  const titleText = marked ? marked.title : page && 'structure' in page ? page.structure.title : null;
  // Cues are folded to simplified: the page title is folded the same way to compare.
  const pageTitle = titleText ? compact(foldToSimplified(titleText)) : '';
  const titleTest =
    page && (!marked || pageTitle !== '') ? (p: WorkingParagraph) => repeatsTitle(p.cue, pageTitle) : undefined;
  const openHead = new Set(classifyHead(paragraphs, bodyStart, titleTest));
  const title = paragraphs.find((p) => p.kind === 'title');
  const context: LineContext = { titleCompact: title ? compact(title.cue) : '', typicalGap: typicalGap(paragraphs) };
  let inFooter = false;
  paragraphs.forEach((p, i) => {
    const role = page ? (roles[i] ?? 'text') : undefined;
    if (i < bodyStart) {
      if (openHead.has(i)) p.kind = classifyLine(p, context, role);
      return;
    }
    // The editor line a portal closes its story with, in the story's second half, ends the story.
    const closing = i > bodyStart && i >= paragraphs.length / 2 && closesStory(p.cue);
    inFooter ||= isFooterStart(p.cue);
    p.kind = inFooter ? 'boilerplate' : classifyLine(p, context, role);
    inFooter ||= closing;
  });
  hideModuleHeaders(paragraphs);
  hideDatedLists(paragraphs, bodyStart);
}

/**
 * A list of linked stories, each a short line and then its date alone on a line (拖长贸易战…
 * / 2019-09-07 / 美国梦… / 2019-09-07): two such pairs or more in a row, with the box title
 * just before them, are hidden.
 */
function hideDatedLists(paragraphs: readonly WorkingParagraph[], bodyStart: number): void {
  const isPair = (i: number) => {
    const item = paragraphs[i];
    const date = paragraphs[i + 1];
    return !!item && !!date && !item.long && !isBareDate(item.cue) && isBareDate(date.cue);
  };
  for (let i = Math.max(bodyStart, 1); i < paragraphs.length; i++) {
    if (!isPair(i) || !isPair(i + 2)) continue;
    let end = i;
    while (isPair(end + 2)) end += 2;
    const before = paragraphs[i - 1];
    if (before?.kind === 'heading') before.kind = 'boilerplate';
    for (let j = i; j <= end + 1; j++) paragraphs[j]!.kind = 'boilerplate';
    i = end + 1;
  }
}

const moreLink = /^(更多|more)\s*[>»›]*$/iu;

/** A portal's box title (部落格, 今日焦点) is a short heading with a 更多 link right after it. */
function hideModuleHeaders(paragraphs: readonly WorkingParagraph[]): void {
  paragraphs.forEach((p, i) => {
    const next = paragraphs[i + 1];
    if (p.kind === 'heading' && next && moreLink.test(next.cue)) p.kind = 'boilerplate';
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
