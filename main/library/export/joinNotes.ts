import type { BackupNote } from './backupFormat';

export interface StoredNote {
  editor_state: string;
  plain_text: string;
  markdown: string;
}

/** Between two joined notes, as the re-clean joins them: a blank line. */
const separator = '\n\n';

/**
 * True when the stored note already holds the incoming one, whole or as one of the parts of an
 * earlier join, so importing the same backup twice does not repeat it.
 */
export function noteAlreadyHolds(stored: StoredNote, incoming: BackupNote): boolean {
  return holdsPart(stored.markdown, incoming.markdown) && holdsPart(stored.plain_text, incoming.plainText);
}

function holdsPart(whole: string, part: string): boolean {
  return (
    whole === part ||
    whole.startsWith(part + separator) ||
    whole.endsWith(separator + part) ||
    whole.includes(separator + part + separator)
  );
}

/** The stored note, then the incoming one: editor blocks, plain text and Markdown each appended. */
export function joinNotes(stored: StoredNote, incoming: BackupNote): StoredNote {
  return {
    editor_state: joinEditorStates(stored.editor_state, incoming.editorState),
    plain_text: stored.plain_text + separator + incoming.plainText,
    markdown: stored.markdown + separator + incoming.markdown,
  };
}

/** Lexical states are `{ root: { children: [...] } }`: the blocks of the second follow the first. */
function joinEditorStates(first: string, second: string): string {
  try {
    const a = JSON.parse(first) as { root?: { children?: unknown[] } };
    const b = JSON.parse(second) as { root?: { children?: unknown[] } };
    if (Array.isArray(a.root?.children) && Array.isArray(b.root?.children)) {
      a.root.children = [...a.root.children, ...b.root.children];
      return JSON.stringify(a);
    }
  } catch {
    // Not Lexical JSON: keep the first state; the second's words are in the plain text and Markdown.
  }
  return first;
}
