import type { SnippetPart } from './hitSnippet';

/** A search snippet as the person reads it: the matched characters marked, the rest plain. */
export function MarkedSnippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="search-snippet" lang="zh">
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}
