import type { ArticleMetadata } from '../../../../preload/contract/articleTypes';
import type { MarkedRoles } from '../classifyParagraphs';
import { whitespaceRemovals } from '../markWhitespace';
import { pinyinReadingRemovals } from '../stripPinyinReadings';
import { compact } from '../textPatterns';
import { addFlag, workingParagraph, type WorkingParagraph } from '../workingParagraph';
import { readFrontMatter, type FrontMatterFields } from './frontMatter';
import { markdownBlocks, type MarkdownBlock } from './markdownBlocks';

/** A Markdown file's paragraphs, and what its structure and front matter decide about them. */
export interface MarkdownArticle {
  paragraphs: WorkingParagraph[];
  /** The paragraphs of text the line rules classify: not markup, not captions. */
  readable: WorkingParagraph[];
  /** What the markup says each readable paragraph is, for the line rules; null for a file read line by line. */
  marked: MarkedRoles | null;
  /** After the line rules: markup hidden with its reason, captions as captions, the title the front matter names. */
  settleKinds(): void;
  /** The metadata found in the text, with what the front matter states put first and the outlet a byline links to. */
  withFrontMatter(found: ArticleMetadata): ArticleMetadata;
}

/** How far into the text a heading may stand and still be the title the front matter names. */
const titleSearch = 10;
const maxSubtitle = 120;

export function readMarkdownArticle(text: string): MarkdownArticle {
  const document = markdownBlocks(text);
  const front = document.frontMatter === null ? null : readFrontMatter(document.frontMatter);
  const blocks = document.blocks;
  const paragraphs = blocks.map(toWorking);
  const readable = paragraphs.filter((_, i) => blocks[i]?.role === 'text');
  const roles = blocks.filter((b) => b.role === 'text').map((b) => b.marked);
  return {
    paragraphs,
    readable,
    marked: document.structured ? { roles, title: front?.title ?? null } : null,
    settleKinds() {
      paragraphs.forEach((p, i) => {
        const block = blocks[i];
        if (block?.role === 'markup') {
          p.kind = 'boilerplate';
          addFlag(p, 'markup');
        } else if (block?.role === 'caption') p.kind = captionKind(paragraphs, blocks, i);
      });
      if (front?.title) settleTitle(readable, front.title);
    },
    withFrontMatter(text) {
      const found = { ...text, source: text.source ?? bylineOutlet(paragraphs, blocks) };
      if (!front) return found;
      const titleLine = readable.find((p) => p.kind === 'title')?.text.trim() ?? null;
      // A summary the article opens with is read there already: it is no subtitle.
      const opening = readable.slice(0, titleSearch).map((p) => compact(p.text));
      const description = front.description ? compact(front.description) : '';
      const summaryInText = description !== '' && opening.some((line) => line.includes(description));
      const bareTitles = [titleLine, front.description];
      return mergeMetadata(found, { ...front, description: summaryInText ? null : front.description }, bareTitles);
    },
  };
}

function toWorking(block: MarkdownBlock): WorkingParagraph {
  const raw = block.span.raw;
  // Markup blocks keep their syntax and line breaks in the reading text: shown, they show what was hidden.
  const removals =
    block.role === 'markup'
      ? whitespaceRemovals(raw).filter((r) => r.reason === 'indentation')
      : [...block.removals, ...whitespaceRemovals(raw), ...pinyinReadingRemovals(raw)];
  return workingParagraph(block.span, removals, block.headingLevel);
}

/** A caption among hidden lines (a footer's avatar) is hidden with them. */
function captionKind(paragraphs: readonly WorkingParagraph[], blocks: readonly MarkdownBlock[], at: number): 'caption' | 'boilerplate' {
  const textAround = (step: 1 | -1): WorkingParagraph | undefined => {
    for (let i = at + step; i >= 0 && i < paragraphs.length; i += step) {
      if (blocks[i]?.role === 'text') return paragraphs[i];
    }
    return undefined;
  };
  const before = textAround(-1);
  const after = textAround(1);
  return before?.kind === 'boilerplate' && (after === undefined || after.kind === 'boilerplate') ? 'boilerplate' : 'caption';
}

/**
 * The front matter names the title: the heading that says it (near the top) is the title
 * paragraph, and a line the head rules took for the title but which is not it goes back to
 * being a heading or body text.
 */
function settleTitle(readable: readonly WorkingParagraph[], title: string): void {
  const wanted = compact(title);
  const guessed = readable.find((p) => p.kind === 'title');
  const named = readable.slice(0, titleSearch).find((p) => p.kind !== 'boilerplate' && sameTitle(compact(p.text), wanted));
  if (guessed && guessed !== named) {
    guessed.kind = guessed.markdownLevel !== null ? 'heading' : 'body';
    // The line under a wrong title was taken for its subtitle: it goes back too.
    for (const p of readable) if (p.kind === 'subtitle') p.kind = 'body';
  }
  if (named) named.kind = 'title';
}

/** Equal, or one holds the other (a title with the site's name after it). */
function sameTitle(line: string, title: string): boolean {
  if (line === '' || title === '') return false;
  return line === title || (line.length >= 4 && title.includes(line)) || (title.length >= 4 && line.includes(title));
}

function mergeMetadata(
  found: ArticleMetadata,
  front: FrontMatterFields,
  bareTitles: readonly (string | null)[],
): ArticleMetadata {
  const title = front.title ? withoutSiteSuffix(front.title, bareTitles) : found.title;
  const source = front.source ?? found.source;
  // A page's summary line stands in for a missing subtitle; a long abstract, or the title again, does not.
  const description =
    front.description && front.description.length <= maxSubtitle && !sameTitle(compact(front.description), compact(title))
      ? front.description
      : null;
  return {
    title,
    titleInferred: front.title ? false : found.titleInferred,
    subtitle: found.subtitle ?? description,
    source,
    // An outlet (a WeChat account, say) written as the author is no author.
    author: notOutlet(front.author, source) ?? notOutlet(found.author, source),
    publishedAt: front.publishedAt ?? found.publishedAt,
    url: front.url ?? found.url,
  };
}

/** What may stand between a title and the site's name after it (_科技_腾讯网, | InfoQ, - 新浪). */
const suffixSeparator = /^\s*[_|｜\-–—·•]/u;

/**
 * A front-matter title with the site's suffix cut off, where the page states the bare title
 * elsewhere (its headline, its description): `X_频道_站名` with a headline X is X.
 */
function withoutSiteSuffix(title: string, bareTitles: readonly (string | null)[]): string {
  const whole = compact(title);
  for (const bare of bareTitles) {
    const wanted = bare ? compact(bare) : '';
    if (wanted.length < 4 || wanted.length >= whole.length || !whole.startsWith(wanted)) continue;
    // The end of the bare title in `title`: the shortest opening that compacts to it.
    for (let end = 1; end <= title.length; end++) {
      if (compact(title.slice(0, end)).length < wanted.length) continue;
      if (suffixSeparator.test(title.slice(end))) return title.slice(0, end).trim();
      break;
    }
  }
  return title;
}

/** A date in a byline: 2025年08月21日, 2025-08-21. */
const datePattern = /\d{4}\s*[-/.年]\s*\d{1,2}/u;

/**
 * The outlet a clip's byline links to its home page (`[起点课堂](https://…/) *2025年08月21日*`):
 * a byline with a date, and a name linked to a site's home rather than to a person's page.
 */
function bylineOutlet(paragraphs: readonly WorkingParagraph[], blocks: readonly MarkdownBlock[]): string | null {
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p?.kind !== 'byline' || !datePattern.test(p.text)) continue;
    const name = blocks[i]?.siteLinks.find((text) => [...text].length >= 2 && [...text].length <= 20 && !/[/.:]/u.test(text));
    if (name) return name;
  }
  return null;
}

function notOutlet(author: string | null, outlet: string | null): string | null {
  return author && outlet && compact(author) === compact(outlet) ? null : author;
}
