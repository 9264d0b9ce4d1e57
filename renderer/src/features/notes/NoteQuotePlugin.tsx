import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isParagraphNode } from 'lexical';
import { useEffect, useRef } from 'react';

/** A passage to quote in the note; a new token quotes again, the same one never twice. */
export interface NoteQuote {
  text: string;
  token: number;
}

/**
 * Puts the passage the person chose "Note" on into the note as a block quote, with an empty
 * line under it holding the caret, so they write about the passage at once. An empty note's
 * blank line is replaced rather than kept above the quote. Autosave saves it like typing.
 */
export function NoteQuotePlugin({ quote }: { quote: NoteQuote | null }) {
  const [editor] = useLexicalComposerContext();
  const quoted = useRef<number | null>(null);

  useEffect(() => {
    if (!quote || quoted.current === quote.token) return;
    quoted.current = quote.token;
    editor.update(() => {
      const root = $getRoot();
      const only = root.getChildrenSize() === 1 ? root.getFirstChild() : null;
      if ($isParagraphNode(only) && only.getTextContent() === '') only.remove();
      const line = $createParagraphNode();
      root.append($createQuoteNode().append($createTextNode(quote.text)), line);
      line.select();
    });
    editor.focus();
  }, [editor, quote]);

  return null;
}
