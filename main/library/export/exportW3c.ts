import { anchorContextLength } from '../annotations/highlightAnchor';
import type { Db } from '../store/openDatabase';
import type { ExportHighlight, ExportParagraph, ExportUnplaced } from './exportData';
import { noteStateMarkdown } from './noteStateMarkdown';
import { readArticleAnnotations } from './readArticleAnnotations';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'describing';
  value: string;
  format?: 'text/markdown' | 'text/plain';
}

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'tagging' | 'commenting';
  created?: string;
  modified?: string;
  creator?: { type: 'Person'; name: string };
  body?: TextualBody[];
  target: string | { source: string; selector: Selector[] };
}

export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/**
 * Every highlight as a W3C Web Annotation: its paragraph (`pizhu://article/ID#PARAGRAPH`) as
 * the source, a TextQuoteSelector and a TextPositionSelector counted in code points (the
 * model's characters, not UTF-16 units) over the canonical text, its tags as `tagging`
 * bodies, its comment as a plain-text `commenting` body and the paragraph's note as one in Markdown. Tags and notes on a
 * paragraph no highlight of it carries become an annotation of the whole paragraph; those placed on no
 * paragraph here (unplacedAnnotation), an annotation of the article.
 */
export function readWebAnnotations(db: Db, generated: string): WebAnnotationCollection {
  const items: WebAnnotation[] = [];
  const groups = db.transaction(() => readArticleAnnotations(db, undefined, true))();
  for (const { article, paragraphs, orphans, unplaced } of groups) {
    for (const paragraph of paragraphs) {
      const source = `pizhu://article/${article.id}#${paragraph.id}`;
      for (const h of paragraph.highlights) items.push(highlightAnnotation(h, source, paragraph));
      const whole = paragraphAnnotation(paragraph, source);
      if (whole) items.push(whole);
    }
    for (const h of orphans) {
      items.push({
        ...stamps(h),
        ...(h.comment === undefined ? {} : { body: [commentBody(h.comment)] }),
        target: {
          source: `pizhu://article/${article.id}`,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: h.quote,
              prefix: h.detail?.prefix ?? '',
              suffix: h.detail?.suffix ?? '',
            },
          ],
        },
      });
    }
    for (const entry of unplaced ?? []) items.push(unplacedAnnotation(article.id, entry));
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'pizhu://library/annotations',
    type: 'AnnotationCollection',
    label: 'Pizhu highlights',
    total: items.length,
    generated,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function exportW3c(db: Db, file: string, generated: string): { path: string; annotations: number } {
  const target = requireAbsolutePath(file, 'export file');
  const collection = readWebAnnotations(db, generated);
  writeTextFile(target, `${JSON.stringify(collection, null, 2)}\n`);
  return { path: target, annotations: collection.total };
}

function highlightAnnotation(h: ExportHighlight, source: string, paragraph: ExportParagraph): WebAnnotation {
  const start = h.start ?? 0;
  const end = h.end ?? start;
  const text = paragraph.text;
  const body = tagBodies(h.tags);
  if (h.comment !== undefined) body.push(commentBody(h.comment));
  if (paragraph.note !== null) body.push(noteBody(paragraph.note));
  return {
    ...stamps(h),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(start, end),
          prefix: text.slice(backOff(text, start), start),
          suffix: text.slice(end, forwardOff(text, end)),
        },
        { type: 'TextPositionSelector', start: codePointOffset(text, start), end: codePointOffset(text, end) },
      ],
    },
  };
}

function paragraphAnnotation(paragraph: ExportParagraph, source: string): WebAnnotation | null {
  const noteCarried = paragraph.highlights.length > 0;
  const body = tagBodies(paragraph.tags);
  if (paragraph.note !== null && !noteCarried) body.push(noteBody(paragraph.note));
  if (body.length === 0) return null;
  return {
    id: `pizhu://paragraph/${paragraph.id}`,
    type: 'Annotation',
    motivation: body.some((b) => b.purpose === 'commenting') ? 'commenting' : 'tagging',
    body,
    target: source,
  };
}

/**
 * A note or paragraph tag not placed here (sync, #19): the article as its target (no paragraph
 * here is known to be its), its words or tag, its maker as creator, and a `describing` body
 * saying it is not placed (and set aside, where the person set it aside in the reader).
 */
function unplacedAnnotation(articleId: number, entry: ExportUnplaced): WebAnnotation {
  const body =
    entry.kind === 'note'
      ? [noteBody(noteStateMarkdown({ editorState: '', plainText: entry.plainText, markdown: entry.markdown }))]
      : tagBodies([entry.tag ?? '']);
  const aside = entry.setAside ? ' Set aside in the reader on the device that exported it.' : '';
  body.push({ type: 'TextualBody', purpose: 'describing', value: `${unplacedNotice}${aside}`, format: 'text/plain' });
  return {
    id: `pizhu://article/${articleId}/unplaced/${encodeURIComponent(entry.key)}`,
    type: 'Annotation',
    motivation: entry.kind === 'note' ? 'commenting' : 'tagging',
    ...(entry.updatedAt === '' ? {} : { modified: entry.updatedAt }),
    ...(entry.maker === '' ? {} : { creator: { type: 'Person' as const, name: entry.maker } }),
    body,
    target: `pizhu://article/${articleId}`,
  };
}

/** What an unplaced entry's describing body says. */
export const unplacedNotice =
  'Not placed: made on another device on its own split of the text, and no paragraph here is known to match it.';

function stamps(h: ExportHighlight): Pick<WebAnnotation, 'id' | 'type' | 'motivation' | 'created' | 'modified'> {
  const stamp: Pick<WebAnnotation, 'id' | 'type' | 'motivation' | 'created' | 'modified'> = {
    id: `pizhu://highlight/${h.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
  };
  if (h.detail) {
    stamp.created = h.detail.createdAt;
    stamp.modified = h.detail.updatedAt;
  }
  return stamp;
}

function tagBodies(tags: readonly string[]): TextualBody[] {
  return tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
}

/** The highlight's own comment: plain text, beside the paragraph's note (a second `commenting` body). */
function commentBody(comment: string): TextualBody {
  return { type: 'TextualBody', purpose: 'commenting', value: comment, format: 'text/plain' };
}

function noteBody(markdown: string): TextualBody {
  return { type: 'TextualBody', purpose: 'commenting', value: markdown, format: 'text/markdown' };
}

/** The number of code points in text[0, offset). */
export function codePointOffset(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < offset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Where the prefix starts: the usual context length back, not splitting a surrogate pair. */
function backOff(text: string, start: number): number {
  let from = Math.max(0, start - anchorContextLength);
  if (from > 0 && isLow(text.charCodeAt(from))) from++;
  return from;
}

function forwardOff(text: string, end: number): number {
  let to = Math.min(text.length, end + anchorContextLength);
  if (to < text.length && isLow(text.charCodeAt(to))) to--;
  return to;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
