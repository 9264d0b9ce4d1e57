import type { ParsedArticle } from '../../../../main/library/import/parsedArticle';
import type * as prepareImport from '../../../../main/library/import/prepareImport';

/**
 * A newer cleaner that splits the first paragraph in two at its first comma, run only by the
 * device said to run it (`cleaner.newer`): two libraries in one process, as two app versions.
 * A test mocks prepareImport with it:
 * `vi.mock('…/import/prepareImport', async (original) => (await import('./newerCleaner')).newerCleanerModule(original))`.
 */
export const cleaner = { newer: false };

type PrepareImport = typeof prepareImport;

export async function newerCleanerModule(importOriginal: <T>() => Promise<T>): Promise<PrepareImport> {
  const actual = await importOriginal<PrepareImport>();
  return {
    ...actual,
    parseSource(...args: Parameters<typeof actual.parseSource>): ParsedArticle {
      const parsed = actual.parseSource(...args);
      if (!cleaner.newer) return parsed;
      const paragraphs = parsed.paragraphs.flatMap((p) => {
        const cut = p.text.indexOf('，') + 1;
        if (!p.text.startsWith('第一段') || cut === 0) return [p];
        return [
          { ...p, raw: p.text.slice(0, cut), text: p.text.slice(0, cut), removals: [] },
          { ...p, raw: p.text.slice(cut), text: p.text.slice(cut), removals: [] },
        ];
      });
      return { ...parsed, paragraphs };
    },
  };
}
