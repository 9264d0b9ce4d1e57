import { sha256 } from '../files/writeTextFile';
import { escapeMarkdownText } from './escapeMarkdownText';
import type { ExportUnplaced } from './exportData';
import type { Region } from './markedRegions';
import { containedNoteMarkdown } from './noteMarkdown';
import { noteStateMarkdown } from './noteStateMarkdown';
import { obsidianTags } from './obsidianTag';

/** What the section says of its entries, under its heading: why they stand apart from the passages. */
export const unplacedExplanation =
  'Made on another device on its own split of the text: no paragraph here is known to match them, so they are kept here, not placed.';

/**
 * An article's unplaced notes and paragraph tags (sync, #19) as the regions of its Markdown file:
 * a heading and why, then one region each, led by **Not placed**, what it is and who made it (and
 * whether the person set it aside in the reader: a view of theirs, so it is still exported).
 * A note's words are written from its plain text, escaped: the row holds no editor state, and the
 * stored Markdown lets typed Markdown through (noteStateMarkdown). None when there are none.
 */
export function unplacedRegions(unplaced: readonly ExportUnplaced[] | undefined): Region[] {
  if (unplaced === undefined || unplaced.length === 0) return [];
  const regions: Region[] = [
    { id: 'unplaced', body: `## Unplaced notes and paragraph tags\n\n${unplacedExplanation}` },
  ];
  for (const entry of unplaced) {
    const what = entry.kind === 'note' ? 'note' : `paragraph tag ${obsidianTags([entry.tag ?? ''])}`;
    const by = entry.maker === '' ? 'an unknown member' : escapeMarkdownText(entry.maker.replace(/\s+/g, ' ').trim());
    const lead = `**Not placed** · ${what} by ${by}${entry.setAside ? ' · set aside in the reader' : ''}`;
    const words =
      entry.kind === 'note'
        ? containedNoteMarkdown(
            noteStateMarkdown({ editorState: '', plainText: entry.plainText, markdown: entry.markdown }),
          )
        : '';
    // The entry's key names its region, so a re-export finds what the person wrote around it.
    regions.push({ id: `u-${sha256(entry.key).slice(0, 12)}`, body: words === '' ? lead : `${lead}\n\n${words}` });
  }
  return regions;
}
