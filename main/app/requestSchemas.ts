import { z } from 'zod';
import type { Method, RequestOf } from '../../preload/contract/api';
import { paragraphKinds } from '../../preload/contract/articleTypes';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(2_000);
const nullableText = shortText.nullable();

/** One schema per method; `strict` so an unexpected field is refused, not ignored. */
export const requestSchemas = {
  getAppInfo: z.undefined(),
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
} satisfies { [M in Method]: z.ZodType<RequestOf<M>> };
