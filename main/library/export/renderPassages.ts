import type { TextConverter } from '../../../preload/common/createConverter';
import { rangeToConverted } from '../../../preload/common/offsetMap';
import type { ExportHighlight, ExportParagraph } from './exportData';
import { markedLines, mergeRanges, runLines, separateRanges, type MarkRange } from './markHighlights';
import { escapeMarkdownText } from './escapeMarkdownText';
import { containedNoteMarkdown } from './noteMarkdown';
import { obsidianTags } from './obsidianTag';

export interface PassageOptions {
  converter: TextConverter;
  highlightsOnly: boolean;
  /** Where the passage comes from (source · date), on its last line: a tag report mixes articles. */
  citation?: string;
}

/** Where the app opens a paragraph (or an article, without one). */
export function backLink(articleId: number, paragraphId?: number): string {
  const target =
    paragraphId === undefined ? `pizhu://article/${articleId}` : `pizhu://article/${articleId}#${paragraphId}`;
  return `[↗ Pizhu](${target})`;
}

/**
 * One annotated paragraph: a block quote of the passage with its highlights marked `==…==`
 * (or, highlights only, each highlight on its own with only its own tags), a last quote line with the
 * tags and the back-link, then the block id on its own line (Obsidian's place for the id of a
 * quote) and the note's Markdown under it. Every part is a block separated by a blank line.
 */
export function renderParagraph(out: string[], paragraph: ExportParagraph, options: PassageOptions): void {
  const { text, map } = options.converter.convert(paragraph.text);
  const ranges: MarkRange[] = [];
  for (const h of paragraph.highlights) {
    if (h.start === null || h.end === null) continue;
    const range = rangeToConverted(map, { start: h.start, end: h.end });
    ranges.push({ start: range.start, end: range.end, tags: h.tags });
  }
  const tags = [...paragraph.tags];
  if (options.highlightsOnly && !paragraph.whole && ranges.some((r) => r.end > r.start)) {
    // Each highlight its own passage with its own tags: overlapping ones are not joined.
    separateRanges(ranges).forEach((run, i) => {
      if (i > 0) out.push('>');
      const lines = runLines(text, run);
      const lastIndex = lines.length - 1;
      lines.forEach((line, k) => {
        const suffix = k === lastIndex && run.tags.length > 0 ? ` ${obsidianTags(run.tags)}` : '';
        out.push(quoteLine(line + suffix));
      });
    });
  } else {
    // The whole paragraph: overlapping highlights must join, as `==a====b==` would not read back as two.
    const runs = mergeRanges(ranges);
    for (const line of markedLines(text, runs)) out.push(quoteLine(line));
    for (const run of runs) tags.push(...run.tags);
  }
  const tagText = obsidianTags(tags);
  const cite = options.citation ? `${options.citation} ` : '';
  out.push('>', `> ${tagText === '' ? '' : `${tagText} `}${cite}${backLink(paragraph.articleId, paragraph.id)}`, '');
  out.push(`^p-${paragraph.id}`, '');
  pushComments(out, paragraph.highlights, options.converter);
  pushNote(out, paragraph.note);
}

/** A highlight whose paragraph a re-clean could not find again: its quote, its tags, and a link to the article. */
export function renderOrphan(
  out: string[],
  articleId: number,
  orphan: ExportHighlight,
  converter: TextConverter,
): void {
  const quote = converter.convert(orphan.quote).text;
  for (const line of runLines(quote, { start: 0, end: quote.length, tags: [] })) out.push(quoteLine(line));
  const tagText = obsidianTags(orphan.tags);
  out.push('>', `> ${tagText === '' ? '' : `${tagText} `}${backLink(articleId)}`, '', `^h-${orphan.id}`, '');
  pushComments(out, [orphan], converter);
}

/**
 * The comments on a passage's highlights, in text order, under its quote: a paragraph each,
 * 💬, the highlight's words (in the export's script), then the comment with its line breaks as
 * hard breaks, all escaped so a comment reads back as exactly its text (blank lines aside).
 */
function pushComments(out: string[], highlights: readonly ExportHighlight[], converter: TextConverter): void {
  for (const h of highlights) {
    if (h.comment === undefined || h.comment === '') continue;
    const quote = converter.convert(h.quote).text.replace(/\s+/g, ' ').trim();
    const lines = h.comment
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const escaped = lines.map((line, i) => escapeMarkdownText(line, { lineStart: i > 0, lineEnd: true }));
    const first = `💬 “${escapeMarkdownText(quote, { lineStart: false, lineEnd: false })}”: `;
    out.push(first + escaped.join('\\\n'), '');
  }
}

function pushNote(out: string[], note: string | null): void {
  const body = note === null ? '' : containedNoteMarkdown(note);
  if (body !== '') out.push(body, '');
}

/** `> ` before a line; a blank line stays inside the quote as `>`. */
function quoteLine(line: string): string {
  return line === '' ? '>' : `> ${line}`;
}
