import type { ParagraphFlag, ParagraphKind, Removal } from '../../../preload/contract/articleTypes';
import type { NewArticle } from '../store/articles';
import type { ParsedArticle, ParsedParagraph } from './parsedArticle';
import type { PreparedArticle, PreparedFile } from './prepareFile';

/**
 * An article's paragraphs as the parse worker posts them: an array per field, not an object per
 * paragraph. Why: an answer crosses to the storing thread by structured clone, and its cost there
 * is mostly its objects (a paragraph, its flags, its removals), not its bytes (f3c48dc: leaving
 * out raw texts made it smaller and no cheaper). 1,500 bench articles posted through a
 * MessageChannel and read back, interleaved in one process (load ~17): 181 µs an article to
 * write and 133 to read as objects, 154 and 107 so (forPosting and fromPosting included).
 */
export interface PostedParagraphs {
  kinds: ParagraphKind[];
  texts: string[];
  /** null where the raw text is the text (most paragraphs: nothing removed). */
  raws: Array<string | null>;
  /** The JSON of each paragraph's [flags, removals]; null when every paragraph has none. */
  marks: string | null;
}

type PostedArticle = Omit<NewArticle, 'parsed'> & { parsed: Omit<ParsedArticle, 'paragraphs'> & { paragraphs: PostedParagraphs } };
type PostedPreparedArticle = { fileName: string; article: PostedArticle } | Exclude<PreparedArticle, { article: NewArticle }>;
/** A prepared file as parseProtocol carries it. */
export type PostedFile = PostedPreparedArticle | { fileName: string; feed: PostedPreparedArticle[] };

/** The worker's side. */
export function forPosting(file: PreparedFile): PostedFile {
  return 'feed' in file ? { fileName: file.fileName, feed: file.feed.map(postedArticle) } : postedArticle(file);
}

function postedArticle(prepared: PreparedArticle): PostedPreparedArticle {
  if (!('article' in prepared)) return prepared;
  const { article } = prepared;
  const paragraphs = article.parsed.paragraphs;
  const marked = paragraphs.some((p) => p.flags.length > 0 || p.removals.length > 0);
  const posted: PostedParagraphs = {
    kinds: paragraphs.map((p) => p.kind),
    texts: paragraphs.map((p) => p.text),
    raws: paragraphs.map((p) => (p.raw === p.text ? null : p.raw)),
    marks: marked ? JSON.stringify(paragraphs.map((p) => [p.flags, p.removals])) : null,
  };
  return { ...prepared, article: { ...article, parsed: { ...article.parsed, paragraphs: posted } } };
}

/** The storing thread's side: the file as prepareJob made it (the posted copy's own objects reused). */
export function fromPosting(file: PostedFile): PreparedFile {
  if ('feed' in file) return { fileName: file.fileName, feed: file.feed.map(arrivedArticle) };
  return arrivedArticle(file);
}

function arrivedArticle(prepared: PostedPreparedArticle): PreparedArticle {
  if (!('article' in prepared)) return prepared;
  const { article } = prepared;
  const { kinds, texts, raws, marks } = article.parsed.paragraphs;
  const flagsAndRemovals = marks === null ? undefined : (JSON.parse(marks) as Array<[ParagraphFlag[], Removal[]]>);
  const paragraphs: ParsedParagraph[] = kinds.map((kind, i) => {
    const text = texts[i]!;
    const [flags, removals] = flagsAndRemovals?.[i] ?? [[], []];
    return { kind, raw: raws[i] ?? text, text, flags, removals };
  });
  return { ...prepared, article: { ...article, parsed: { ...article.parsed, paragraphs } } };
}
