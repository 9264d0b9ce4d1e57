import { sha256 } from '../files/writeTextFile';

/**
 * One block Pizhu generates in an exported file (the title, a passage, an orphan), between
 * two HTML comments Obsidian does not show:
 *
 *     <!-- pizhu:begin id=p-12 sha=1a2b3c4d5e6f -->
 *     …the block…
 *     <!-- pizhu:end id=p-12 -->
 *
 * `sha` is the start of the SHA-256 of the block as written, so a later export can tell, from
 * the file alone, whether the person edited inside it. Everything outside the regions is the
 * person's, and a re-export carries it over (mergeExportedFile).
 */
export interface Region {
  /** Stable across exports for the same thing: `head`, `p-<paragraph>`, `g-<group>`, `h-<highlight>`, `orphans`. */
  id: string;
  /** The block's Markdown, without leading or trailing blank lines. */
  body: string;
}

export type Segment =
  { kind: 'outside'; lines: string[] } | { kind: 'region'; id: string; body: string; edited: boolean };

const beginLine = /^<!-- pizhu:begin id=([A-Za-z0-9_-]+) sha=([0-9a-f]{12}) -->$/;
const endLine = /^<!-- pizhu:end id=([A-Za-z0-9_-]+) -->$/;
/** Any line that looks like one of Pizhu's markers, well formed or not. */
const markerLike = /^\s*<!--\s*pizhu:/;

/** The short hash a begin marker carries: of the body with its blank edge lines trimmed. */
export function regionHash(body: string): string {
  return sha256(trimBlankLines(body.split('\n')).join('\n')).slice(0, 12);
}

/** A region as its lines in the file, blank line before the end marker (Obsidian's `^id` lines end their block). */
export function regionText(region: Region): string {
  const body = trimBlankEdges(region.body);
  // regionHash(body) without trimming the lines again: the body is trimmed already.
  return `<!-- pizhu:begin id=${region.id} sha=${sha256(body).slice(0, 12)} -->\n${body}\n\n<!-- pizhu:end id=${region.id} -->\n`;
}

/**
 * The body of an exported file (what follows the front matter) as regions and the person's
 * text between them, in file order. Null when the markers are not a clean sequence (one was
 * deleted, duplicated or nested by hand): then no line can be said to be Pizhu's, and the
 * caller keeps the file whole. Line ends are read as `\n`, whatever the editor wrote.
 */
export function parseRegions(body: string): Segment[] | null {
  const segments: Segment[] = [];
  const seen = new Set<string>();
  let outside: string[] = [];
  let open: { id: string; sha: string; lines: string[] } | null = null;
  for (const line of body.split(/\r\n|\r|\n/)) {
    const begin = beginLine.exec(line);
    const end = endLine.exec(line);
    if (open === null) {
      if (end || (!begin && markerLike.test(line))) return null;
      if (!begin) {
        outside.push(line);
        continue;
      }
      if (seen.has(begin[1]!)) return null;
      seen.add(begin[1]!);
      segments.push({ kind: 'outside', lines: outside });
      outside = [];
      open = { id: begin[1]!, sha: begin[2]!, lines: [] };
    } else if (end) {
      if (end[1] !== open.id) return null;
      const text = trimBlankLines(open.lines).join('\n');
      segments.push({ kind: 'region', id: open.id, body: text, edited: regionHash(text) !== open.sha });
      open = null;
    } else {
      if (begin || markerLike.test(line)) return null;
      open.lines.push(line);
    }
  }
  if (open !== null) return null;
  segments.push({ kind: 'outside', lines: outside });
  return segments;
}

/**
 * `trimBlankLines(text.split('\n')).join('\n')`, cut from the string in place: an export
 * writes every region of every file through it, and splitting a passage into lines only to
 * join them again was a good part of that.
 */
export function trimBlankEdges(text: string): string {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && text.slice(start, nl).trim() === ''; nl = text.indexOf('\n', start)) {
    start = nl + 1;
  }
  let end = text.length;
  while (end > start) {
    const nl = text.lastIndexOf('\n', end - 1);
    const lineStart = nl < start ? start : nl + 1;
    if (text.slice(lineStart, end).trim() !== '') break;
    end = nl < start ? start : nl;
  }
  return text.slice(start, end);
}

/** Lines without the blank ones at either end. */
export function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}
