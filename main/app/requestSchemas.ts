import path from 'node:path';
import { z } from 'zod';
import type { Method, RequestOf } from '../../preload/contract/api';
import { highlightColors, maxTagNameLength } from '../../preload/contract/annotationTypes';
import { paragraphKinds } from '../../preload/contract/articleTypes';
import { scriptModes } from '../../preload/common/scriptModes';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(2_000);
const nullableText = shortText.nullable();
const offset = z.number().int().min(0).max(10_000_000);
const color = z.enum(highlightColors);
// The library trims and checks the name's parts; this only bounds what crosses IPC.
const tagName = z.string().min(1).max(maxTagNameLength);
const searchQuery = z.string().min(1).max(200);

// Export and import paths come from main's own dialogs later; until then they must at least be absolute.
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && path.isAbsolute(p), 'must be an absolute path');
/** One schema per method; `strict` so an unexpected field is refused, not ignored. */
export const requestSchemas = {
  getAppInfo: z.undefined(),
  takePendingLink: z.undefined(),
  listArticles: z.undefined(),
  getArticle: z.strictObject({ articleId: id }),
  setReadingPosition: z.strictObject({ articleId: id, paragraphOrder: z.number().int().min(0).max(1_000_000) }),
  importFiles: z.undefined(),
  importText: z.strictObject({ text: z.string().max(20 * 1024 * 1024), title: shortText.optional() }),
  updateMetadata: z.strictObject({
    articleId: id,
    changes: z
      .strictObject({
        title: shortText.min(1),
        titleInferred: z.boolean(),
        subtitle: nullableText,
        source: nullableText,
        author: nullableText,
        publishedAt: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.null()]),
        url: nullableText,
      })
      .partial(),
  }),
  reclassifyParagraph: z.strictObject({ paragraphId: id, kind: z.enum(paragraphKinds) }),
  recleanArticle: z.strictObject({ articleId: id }),
  createHighlight: z.strictObject({
    paragraphId: id,
    start: offset,
    end: offset,
    color,
    tags: z.array(tagName).max(50).optional(),
  }),
  updateHighlight: z.strictObject({ highlightId: id, color }),
  deleteHighlight: z.strictObject({ highlightId: id }),
  tagHighlight: z.strictObject({ highlightId: id, tag: tagName }),
  untagHighlight: z.strictObject({ highlightId: id, tag: tagName }),
  tagParagraph: z.strictObject({ paragraphId: id, tag: tagName }),
  untagParagraph: z.strictObject({ paragraphId: id, tag: tagName }),
  listTags: z.undefined(),
  renameTag: z.strictObject({ from: tagName, to: tagName }),
  mergeTags: z.strictObject({ from: tagName, into: tagName }),
  deleteTag: z.strictObject({ name: tagName }),
  listTaggedPassages: z.strictObject({ tag: tagName }),
  saveNote: z.strictObject({
    paragraphId: id,
    editorState: z.string().max(4 * 1024 * 1024),
    plainText: z.string().max(1024 * 1024),
    markdown: z.string().max(2 * 1024 * 1024),
  }),
  getNote: z.strictObject({ paragraphId: id }),
  undo: z.undefined(),
  redo: z.undefined(),
  exportMarkdown: z.strictObject({
    scope: z.union([z.literal('library'), z.strictObject({ article: id }), z.strictObject({ tag: tagName })]),
    outDir: absolutePath,
    script: z.enum(scriptModes).optional(),
    highlightsOnly: z.boolean().optional(),
  }),
  exportBackup: z.strictObject({ file: absolutePath }),
  importBackup: z.strictObject({ file: absolutePath }),
  chooseExportFolder: z.undefined(),
  chooseBackupFile: z.strictObject({ purpose: z.enum(['save', 'open']) }),
  search: z.strictObject({
    query: searchQuery,
    tag: tagName.optional(),
    articleId: id.optional(),
    includeHidden: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
  }),
  autocode: z.strictObject({
    query: searchQuery,
    tag: tagName,
    span: z.boolean(),
    articleId: id.optional(),
    includeHidden: z.boolean().optional(),
    color: color.optional(),
    withinTag: tagName.optional(),
  }),
} satisfies { [M in Method]: z.ZodType<RequestOf<M>> };
