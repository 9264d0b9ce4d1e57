import type { Memo } from '../../../preload/contract/memoTypes';
import type { Region } from '../export/markedRegions';
import type { RegionedFile } from '../export/regionedFile';

/** The journal's file in a Markdown export of the library. */
export const journalFileName = 'Research journal.md';

/**
 * The library journal as one Markdown file: oldest entry first (a journal reads forward), each
 * under its date and time (UTC, as stored) in its own marked region, so what the person adds
 * to the file in the vault between exports is kept (mergeExportedFile).
 */
export function journalRegions(entries: readonly Memo[], exportedAt: string): RegionedFile {
  const regions: Region[] = [
    { id: 'head', body: `# Research journal\n\n${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.` },
  ];
  for (const entry of [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)) {
    regions.push({ id: `j-${entry.id}`, body: `## ${entry.createdAt.slice(0, 16).replace('T', ' ')}\n\n${entry.markdown}` });
  }
  return { fields: { title: 'Research journal', exported_at: exportedAt }, regions };
}
