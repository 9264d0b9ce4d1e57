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
  renderPassage(out, [paragraph], options);
}

/**
 * Paragraphs joined by highlights made over all of them (highlight groups) as one passage: one
 * block quote across them (a `>` line between paragraphs), the tags once, one back-link and
 * block id (the first paragraph's), each comment once, then each paragraph's note.
 */
export function renderPassage(out: string[], paragraphs: readonly ExportParagraph[], options: PassageOptions): void {
  const first = paragraphs[0]!;
  const tags: string[] = [];
  const quote: string[] = [];
  // Highlights only: a group's members, across the paragraphs, make one passage.
  const groups = new Map<string, { lines: string[]; tags: string[] }>();
  const items: Array<{ lines: string[]; tags: readonly string[] }> = [];
  paragraphs.forEach((paragraph, i) => {
    tags.push(...paragraph.tags);
    const { text, map } = options.converter.convert(paragraph.text);
    const ranges: Array<MarkRange & { groupId?: string }> = [];
    for (const h of paragraph.highlights) {
      if (h.start === null || h.end === null) continue;
      const range = rangeToConverted(map, { start: h.start, end: h.end });
      ranges.push({ start: range.start, end: range.end, tags: h.tags, ...(h.groupId ? { groupId: h.groupId } : {}) });
    }
    if (options.highlightsOnly && !paragraph.whole && ranges.some((r) => r.end > r.start)) {
      // Each highlight its own passage with its own tags: overlapping ones are not joined.
      for (const range of ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end)) {
        const [run] = separateRanges([range]);
        const lines = runLines(text, run!);
        const group = range.groupId === undefined || paragraphs.length === 1 ? undefined : groups.get(range.groupId);
        if (group) {
          group.lines.push('', ...lines);
          group.tags.push(...run!.tags);
        } else {
          const item = { lines, tags: [...run!.tags] };
          if (range.groupId !== undefined && paragraphs.length > 1) groups.set(range.groupId, item);
          items.push(item);
        }
      }
    } else {
      // The whole paragraph: overlapping highlights must join, as `==a====b==` would not read back as two.
      const runs = mergeRanges(ranges);
      if (i > 0) quote.push('');
      quote.push(...markedLines(text, runs));
      for (const run of runs) tags.push(...run.tags);
    }
  });
  for (const line of quote) out.push(quoteLine(line));
  items.forEach((item, i) => {
    if (i > 0 || quote.length > 0) out.push('>');
    const lastIndex = item.lines.length - 1;
    item.lines.forEach((line, k) => {
      const suffix = k === lastIndex && item.tags.length > 0 ? ` ${obsidianTags(item.tags)}` : '';
      out.push(quoteLine(line + suffix));
    });
  });
  const tagText = obsidianTags(tags);
  const cite = options.citation ? `${options.citation} ` : '';
  out.push('>', `> ${tagText === '' ? '' : `${tagText} `}${cite}${backLink(first.articleId, first.id)}`, '');
  out.push(`^p-${first.id}`, '');
  pushComments(
    out,
    paragraphs.flatMap((p) => p.highlights),
    options.converter,
  );
  for (const paragraph of paragraphs) pushNote(out, paragraph.note);
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
 * A highlight group's comment is written once, with the words of all its members.
 */
function pushComments(out: string[], highlights: readonly ExportHighlight[], converter: TextConverter): void {
  const written = new Set<string>();
  for (const h of highlights) {
    if (h.comment === undefined || h.comment === '') continue;
    const members = h.groupId === undefined ? [h] : highlights.filter((m) => m.groupId === h.groupId);
    const once = `${h.groupId ?? `h${h.id}`}\n${h.comment}`;
    if (written.has(once)) continue;
    written.add(once);
    const quote = members.map((m) => converter.convert(m.quote).text.replace(/\s+/g, ' ').trim()).join(' … ');
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
