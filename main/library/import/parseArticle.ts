import { classifyParagraphs } from './classifyParagraphs';
import type { PageStructure } from './cleaning/pageStructure';
import { detectScript } from './detectScript';
import { extractMetadata } from './extractMetadata';
import { flagDuplicates } from './flagDuplicates';
import { flagFragments } from './flagFragments';
import { flagMojibake } from './flagMojibake';
import { readMarkdownArticle } from './markdown/markdownArticle';
import { markKeywordStuffing } from './markKeywordStuffing';
import { whitespaceRemovals } from './markWhitespace';
import type { ParsedArticle } from './parsedArticle';
import { splitParagraphs } from './splitParagraphs';
import { pinyinReadingRemovals } from './stripPinyinReadings';
import { toParsed, workingParagraph } from './workingParagraph';

/**
 * Decoded text to paragraphs with kinds, flags and reading text, plus metadata and script.
 * Cleaning hides and never deletes: each paragraph keeps its raw text, and its reading text is
 * the raw text minus recorded removals. Every character of `text` is in a paragraph's raw or in
 * the line breaks and blank lines between paragraphs (see reassembleRaw). Markdown is read with
 * a Markdown parser (markdown/): its syntax, front matter and embedded HTML are hidden as markup.
 */
export function parseArticle(
  text: string,
  format: 'txt' | 'md' | 'paste',
  fileName?: string,
  /** For the text of a saved page: its title and what its markup says each block is. */
  structure?: PageStructure,
): ParsedArticle {
  const markdown = format === 'md' ? readMarkdownArticle(text) : null;
  const paragraphs =
    markdown?.paragraphs ??
    splitParagraphs(text, format).map((span) =>
      workingParagraph(span, [...whitespaceRemovals(span.raw), ...pinyinReadingRemovals(span.raw)]),
    );
  classifyParagraphs(
    markdown?.readable ?? paragraphs,
    markdown ? (markdown.marked ?? undefined) : structure ? { text, structure } : undefined,
  );
  markdown?.settleKinds();
  const script = detectScript(paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.text));
  const title = paragraphs.find((p) => p.kind === 'title');
  markKeywordStuffing(paragraphs, title?.text ?? '');
  flagDuplicates(paragraphs);
  flagFragments(paragraphs);
  flagMojibake(paragraphs, script);
  const metadata = extractMetadata(paragraphs, fileName);
  return { metadata: markdown?.withFrontMatter(metadata) ?? metadata, script, paragraphs: paragraphs.map(toParsed) };
}
