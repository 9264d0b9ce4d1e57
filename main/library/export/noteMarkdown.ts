/**
 * A note's stored Markdown, made to stay inside its own part of an export file: blank lines
 * around it trimmed, and a code fence the note opened but never closed (a user can type
 * three backticks) closed, so it cannot swallow every passage after it.
 */
export function containedNoteMarkdown(markdown: string): string {
  const body = markdown.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const fence = openFenceAtEnd(body);
  return fence === null ? body : `${body}\n${fence}`;
}

/** CommonMark fences: 3+ backticks or tildes after at most 3 spaces; closed by a run as long, of the same character. */
function openFenceAtEnd(markdown: string): string | null {
  let open: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!match) continue;
    const run = match[1] ?? '';
    const rest = match[2] ?? '';
    if (open === null) {
      // A backtick fence's info string cannot hold a backtick.
      if (run.startsWith('`') && rest.includes('`')) continue;
      open = run;
    } else if (run[0] === open[0] && run.length >= open.length && rest.trim() === '') {
      open = null;
    }
  }
  return open;
}
