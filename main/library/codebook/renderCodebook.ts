import type { TagSummary } from '../../../preload/contract/annotationTypes';
import type { TagDescription } from '../../../preload/contract/codebookTypes';
import { depthOf } from '../annotations/tagNames';
import { escapeMarkdownText } from '../export/escapeMarkdownText';
import { obsidianTagName } from '../export/obsidianTag';
import type { Region } from '../export/markedRegions';
import { renderRegionedFile, type RegionedFile } from '../export/regionedFile';

/** The name of the codebook's file in the export folder. */
export const codebookFileName = 'Codebook.md';

/**
 * The Markdown codebook: every tag in tree order (a parent before what is nested under it), a
 * heading a level deeper for each level of nesting, with its passage count and its description
 * (definition, when to use it, when not, an example quoted). A tag without one says so, so the
 * codebook shows what is still to be written.
 */
export function renderCodebook(tags: readonly TagSummary[], exportedAt: string): string {
  return renderRegionedFile(codebookRegions(tags, exportedAt));
}

/** renderCodebook's parts: its properties, the title, and one marked region per tag (markedRegions). */
export function codebookRegions(tags: readonly TagSummary[], exportedAt: string): RegionedFile {
  const described = tags.filter((tag) => tag.description).length;
  const regions: Region[] = [
    {
      id: 'head',
      body: ['# Codebook', '', `${tags.length} ${tags.length === 1 ? 'tag' : 'tags'}, ${described} described.`].join(
        '\n',
      ),
    },
  ];
  // listTagSummaries sorts by name, so `a` comes before `a/b`; sorting by name's levels keeps it so whatever the caller passes.
  const ordered = [...tags].sort((a, b) => compareLevels(a.name, b.name));
  for (const tag of ordered) regions.push({ id: `t-${tag.id}`, body: tagSection(tag) });
  return { fields: { title: 'Codebook', exported_at: exportedAt }, regions };
}

function tagSection(tag: TagSummary): string {
  // `##` for a top-level tag, one level more per nesting, at most Markdown's six.
  const hashes = '#'.repeat(Math.min(6, depthOf(tag.name) + 1));
  const count = `${tag.totalCount} ${tag.totalCount === 1 ? 'passage' : 'passages'}`;
  const out = [`${hashes} ${inline(tag.name)}`, '', `#${obsidianTagName(tag.name)} · ${count}`];
  const { description } = tag;
  if (!description) {
    out.push('', '*No description yet.*');
    return out.join('\n');
  }
  part(out, 'Definition', description.definition);
  part(out, 'Use when', description.inclusion);
  part(out, 'Do not use when', description.exclusion);
  if (description.example !== '') {
    out.push('', '**Example**', '', ...quoteLines(description.example));
  }
  out.push('', `*Described ${dateOf(description)}.*`);
  return out.join('\n');
}

function part(out: string[], label: string, text: string): void {
  if (text === '') return;
  out.push('', `**${label}**`, '', ...text.split('\n').map((line) => escapeMarkdownText(line)));
}

/** The example as a block quote, line by line (an empty line stays inside the quote). */
function quoteLines(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdownText(line)}`));
}

function inline(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim(), { lineStart: false, lineEnd: false });
}

function dateOf(description: TagDescription): string {
  return description.updatedAt.slice(0, 10);
}

/** Level by level, so `a/b` sorts right after `a` and before `a b`. */
function compareLevels(a: string, b: string): number {
  const left = a.toLowerCase().split('/');
  const right = b.toLowerCase().split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = (left[i] ?? '').localeCompare(right[i] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
