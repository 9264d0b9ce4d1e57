import { hash } from 'node:crypto';
import path from 'node:path';
import { LibraryError } from '../libraryError';
import type { NewArticle } from '../store/articles';
import { decodeText } from './decodeText';
import { extractHtmlArticle } from './extractHtmlArticle';
import { htmlArticleMetadata } from './metadata/htmlMetadata';
import { maxImportBytes } from './importLimits';
import { parseArticle } from './parseArticle';
import type { ParsedArticle, SourceFormat } from './parsedArticle';

const formatByExtension: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** SHA-256 of the file's bytes, in one call: no Hash object per file of a folder import. */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

export function formatOf(fileName: string): SourceFormat | undefined {
  return formatByExtension[path.extname(fileName).toLowerCase()];
}

/** Bytes of one file to an article ready for the store, or a LibraryError that names the file. */
export function prepareFileImport(bytes: Uint8Array, fileName: string): NewArticle {
  const format = formatOf(fileName);
  if (!format) {
    throw new LibraryError(
      'unsupported-file',
      `"${fileName}" is not a file Pizhu can import (use .txt, .md, .html or .htm, or an RSS or Atom feed: .xml, .rss, .atom).`,
      fileName,
    );
  }
  const decoded = decodeFile(bytes, fileName);
  const parsed = parseSource(decoded.text, format, fileName);
  requireText(parsed, fileName);
  return {
    contentHash: contentHash(bytes),
    fileName,
    format,
    encoding: decoded.encoding,
    rawText: decoded.text,
    parsed,
  };
}

/** The size limit and decoding every file goes through, new or re-imported. */
export function decodeFile(bytes: Uint8Array, fileName: string): { text: string; encoding: string } {
  if (bytes.byteLength > maxImportBytes) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new LibraryError('file-too-large', `"${fileName}" is ${mb} MB; Pizhu imports files up to 20 MB.`, fileName);
  }
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) {
    throw new LibraryError(decoded.reason === 'empty' ? 'empty-file' : 'decode-failed', decoded.message, fileName);
  }
  return decoded;
}

export function preparePastedImport(text: string, title?: string): NewArticle {
  if (text.trim() === '') throw new LibraryError('empty-file', 'There is no text to import.');
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength > maxImportBytes) {
    throw new LibraryError('file-too-large', 'The pasted text is over 20 MB; Pizhu imports up to 20 MB at a time.');
  }
  const parsed = parseSource(text, 'paste', null);
  const given = title?.trim() ?? '';
  if (given !== '') parsed.metadata = { ...parsed.metadata, title: given, titleInferred: false };
  requireText(parsed, 'pasted text');
  return {
    contentHash: contentHash(bytes),
    fileName: null,
    format: 'paste',
    encoding: 'utf-8',
    rawText: text,
    parsed,
    // The person's title, as a rename would record it: a re-clean of the text would infer another.
    ...(given !== '' ? { metadataEdits: { title: given } } : {}),
  };
}

/** Decoded text of any format to paragraphs and metadata: the one parse that import and re-clean share. */
export function parseSource(text: string, format: SourceFormat, fileName: string | null): ParsedArticle {
  if (format === 'html') return parseHtml(text, fileName ?? 'page.html');
  return parseArticle(text, format, fileName ?? undefined);
}

function parseHtml(html: string, fileName: string): ParsedArticle {
  const extracted = extractHtmlArticle(html, fileName);
  if ('error' in extracted) throw new LibraryError('unsupported-file', extracted.error, fileName);
  const parsed = parseArticle(extracted.text, 'txt', fileName, { title: extracted.title, roles: extracted.roles });
  // The page's own metadata beats guesses from its text.
  parsed.metadata = htmlArticleMetadata(html, extracted, parsed.metadata, parsed.script);
  return parsed;
}

function requireText(parsed: ParsedArticle, name: string): void {
  if (!parsed.paragraphs.some((p) => p.text.trim() !== '')) {
    throw new LibraryError('empty-file', `"${name}" has no text to read.`, name);
  }
}
