import path from 'node:path';
import type { Library } from '../library/createLibrary';
import { libraryRefiQda } from '../library/refiQda/refiQdaOperations';

interface Io {
  out(text: string): void;
}

/** `pizhu export --format qdpx|qdc --out FILE [--crlf] [--atlas]`: a REFI-QDA project or codebook. */
export function runRefiQdaExport(
  library: Library,
  format: 'qdpx' | 'qdc',
  out: string,
  values: { json?: boolean; crlf?: boolean; atlas?: boolean },
  io: Io,
): number {
  const refi = libraryRefiQda(library);
  if (format === 'qdc') {
    const result = refi.exportQdc(out);
    io.out(values.json ? JSON.stringify(result, null, 2) : `written: ${result.path} (${result.codes} codes)`);
    return 0;
  }
  const result = refi.exportQdpx(out, { crlf: values.crlf ?? false, atlasNaming: values.atlas ?? false });
  io.out(
    values.json
      ? JSON.stringify(result, null, 2)
      : `written: ${result.path} (${result.sources} sources, ${result.codes} codes, ${result.selections} selections, ${result.notes} notes)`,
  );
  return 0;
}

/** `pizhu import-qdpx FILE`: a .qdpx, a .qde with its sources folder, a project folder, or a .qdc codebook. */
export function runImportQdpx(library: Library, file: string, values: { json?: boolean }, io: Io): number {
  const refi = libraryRefiQda(library);
  const target = path.resolve(file);
  if (target.toLowerCase().endsWith('.qdc')) {
    const counts = refi.importQdc(target);
    io.out(values.json ? JSON.stringify(counts, null, 2) : `codes: ${counts.codes} read, ${counts.tagsAdded} tags added`);
    return 0;
  }
  const c = refi.importQdpx(target);
  io.out(
    values.json
      ? JSON.stringify(c, null, 2)
      : `articles: ${c.articlesAdded} added, ${c.articlesAlreadyPresent} already here\n` +
          `tags: ${c.tagsAdded} added\n` +
          `highlights: ${c.highlightsAdded} added; paragraph tags: ${c.paragraphTagsAdded}; notes: ${c.notesAdded}\n` +
          `skipped: ${c.selectionsSkipped} selections on no text, ${c.sourcesSkipped} sources without text or not text` +
          (c.sourcesInUtf16 > 0 ? `\npositions read as UTF-16 units (as NVivo for Windows writes them) in ${c.sourcesInUtf16} sources` : ''),
  );
  return 0;
}
