import type { NewArticle } from '../store/articles';
import type { ParsedParagraph } from './parsedArticle';
import type { PreparedArticle, PreparedFile } from './prepareFile';

/**
 * A prepared file as the parse worker posts it (parseProtocol): a paragraph whose raw text is its
 * text, as most are, goes without it. Why: the message is copied twice, written in the worker and
 * read on the thread that stores (which an import waits on); at about 13 KB an article on the
 * bench, a third of it was those raw texts again.
 */
export type PackedParagraph = Omit<ParsedParagraph, 'raw'> & { raw?: string };
type PackedArticle = Omit<NewArticle, 'parsed'> & {
  parsed: Omit<NewArticle['parsed'], 'paragraphs'> & { paragraphs: PackedParagraph[] };
};
type PackedPreparedArticle = { fileName: string; article: PackedArticle } | Exclude<PreparedArticle, { article: NewArticle }>;
export type PackedPreparedFile = PackedPreparedArticle | { fileName: string; feed: PackedPreparedArticle[] };

/** The worker's side: the same file, each paragraph's raw text left out where it is its text. */
export function packPrepared(file: PreparedFile): PackedPreparedFile {
  return 'feed' in file ? { ...file, feed: file.feed.map(packArticle) } : packArticle(file);
}

function packArticle(prepared: PreparedArticle): PackedPreparedArticle {
  if (!('article' in prepared)) return prepared;
  const { article } = prepared;
  const paragraphs = article.parsed.paragraphs.map(packParagraph);
  return { ...prepared, article: { ...article, parsed: { ...article.parsed, paragraphs } } };
}

function packParagraph(p: ParsedParagraph): PackedParagraph {
  if (p.raw !== p.text) return p;
  const packed: PackedParagraph = { ...p };
  delete packed.raw;
  return packed;
}

/**
 * The receiving side: the file as prepareJob made it. Fills in the message's own objects (a copy
 * nobody else holds) rather than building them again.
 */
export function unpackPrepared(file: PackedPreparedFile): PreparedFile {
  for (const prepared of 'feed' in file ? file.feed : [file]) {
    if ('article' in prepared) for (const p of prepared.article.parsed.paragraphs) p.raw ??= p.text;
  }
  return file as PreparedFile;
}
