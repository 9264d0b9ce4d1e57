import { classifyHead, findBodyStart } from './classifyHead';
import { classifyLine, repeatsTitle, type LineContext } from './classifyLine';
import { closesStory, isBareDate, noiseReason, type NoiseReason } from './cleaning/noiseLines';
import { spanRoles, type PageStructure } from './cleaning/pageStructure';
import type { BlockRole } from './extractHtmlArticle';
import { isFooterStart } from './lineCues';
import { foldToSimplified } from '../../../preload/common/foldScript';
import { compact } from './textPatterns';
import { addFlag, type WorkingParagraph } from './workingParagraph';

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
  /** The end matter's reason: a notice from 免责声明 on, else links elsewhere (related stories, comments). */
  let footerReason: NoiseReason = 'related-links';
  /** Why lines hidden by their place (end matter, a link block, a list of stories) were hidden, unless the line says. */
  const byPlace = new Map<WorkingParagraph, NoiseReason>();
  paragraphs.forEach((p, i) => {
    const role = page ? (roles[i] ?? 'text') : undefined;
    if (i < bodyStart) {
      if (openHead.has(i)) p.kind = classifyLine(p, context, role);
      return;
    }
    // The editor line a portal closes its story with, in the story's second half, ends the story.
    const closing = i > bodyStart && i >= paragraphs.length / 2 && closesStory(p.cue);
    if (!inFooter && isFooterStart(p.cue)) {
      inFooter = true;
      if (noiseReason(p.cue) === 'site-notice') footerReason = 'site-notice';
    }
    p.kind = inFooter ? 'boilerplate' : classifyLine(p, context, role);
    if (inFooter) byPlace.set(p, footerReason);
    else if (role === 'link') byPlace.set(p, 'related-links');
    inFooter ||= closing;
  });
  for (const p of [...hideModuleHeaders(paragraphs), ...hideDatedLists(paragraphs, bodyStart)])
    byPlace.set(p, 'related-links');
  // Why each hidden line was hidden, as the reader is told (a flag with its own words in the catalogs).
  for (const p of paragraphs) {
    if (p.kind === 'boilerplate') addFlag(p, noiseReason(p.cue, p.long) ?? byPlace.get(p) ?? 'page-chrome');
  }
}

/**
 * A list of linked stories, each a short line and then its date alone on a line (拖长贸易战…
 * / 2019-09-07 / 美国梦… / 2019-09-07): two such pairs or more in a row, with the box title
 * just before them, are hidden.
 */
function hideDatedLists(paragraphs: readonly WorkingParagraph[], bodyStart: number): WorkingParagraph[] {
  const hidden: WorkingParagraph[] = [];
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
    if (before?.kind === 'heading') hidden.push(before);
    hidden.push(...paragraphs.slice(i, end + 2));
    i = end + 1;
  }
  for (const p of hidden) p.kind = 'boilerplate';
  return hidden;
}

const moreLink = /^(更多|more)\s*[>»›]*$/iu;

/** A portal's box title (部落格, 今日焦点) is a short heading with a 更多 link right after it. */
function hideModuleHeaders(paragraphs: readonly WorkingParagraph[]): WorkingParagraph[] {
  const hidden = paragraphs.filter((p, i) => {
    const next = paragraphs[i + 1];
    return p.kind === 'heading' && next !== undefined && moreLink.test(next.cue);
  });
  for (const p of hidden) p.kind = 'boilerplate';
  return hidden;
}

/** The median number of blank lines between paragraphs. */
function typicalGap(paragraphs: readonly WorkingParagraph[]): number {
  // A typed array sorts numerically without a comparator call per comparison.
  const gaps = new Float64Array(Math.max(paragraphs.length - 1, 0));
  for (let i = 1; i < paragraphs.length; i++) gaps[i - 1] = paragraphs[i]?.blankLinesBefore ?? 0;
  gaps.sort();
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}
