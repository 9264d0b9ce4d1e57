import { useMemo, type Dispatch, type SetStateAction } from 'react';
import type { Highlight, HighlightColor, Note } from '../../../../preload/contract/annotationTypes';
import type { ArticleView, ParagraphKind } from '../../../../preload/contract/articleTypes';
import type { Result } from '../../../../preload/contract/errors';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { annotateMessages } from './messages';
import { showToast } from './toastStore';

export interface AnnotationActions {
  createHighlight: (req: {
    paragraphId: number;
    start: number;
    end: number;
    color: HighlightColor;
    tags?: string[];
  }) => Promise<void>;
  recolor: (highlightId: number, color: HighlightColor) => Promise<void>;
  tagHighlight: (highlightId: number, tag: string) => Promise<void>;
  untagHighlight: (highlightId: number, tag: string) => Promise<void>;
  deleteHighlight: (highlightId: number) => Promise<void>;
  tagParagraph: (paragraphId: number, tag: string) => Promise<void>;
  untagParagraph: (paragraphId: number, tag: string) => Promise<void>;
  reclassify: (paragraphId: number, kind: ParagraphKind) => Promise<void>;
  /** After the note editor saved: `hadNote` is whether the paragraph had a note before. */
  noteSaved: (paragraphId: number, note: Note | null, hadNote: boolean) => void;
}

type SetArticle = Dispatch<SetStateAction<ArticleView | null>>;

function withHighlight(article: ArticleView, h: Highlight): ArticleView {
  const known = article.highlights.some((x) => x.id === h.id);
  return {
    ...article,
    highlights: known ? article.highlights.map((x) => (x.id === h.id ? h : x)) : [...article.highlights, h],
  };
}

/**
 * Every annotation change the reader makes: one call to main, then the open article updated in
 * place (instant), then a library event so other panes (counts, tag views) catch up.
 */
export function useAnnotationActions(
  articleId: number,
  setArticle: SetArticle,
  onError: (message: string) => void,
): AnnotationActions {
  const { changed } = useLibraryEvents();
  const t = useMessages(annotateMessages);
  const deletedMessage = t('highlightDeleted');

  return useMemo(() => {
    /** Applies a successful answer; a failed one is shown, and the view is left as it was. */
    const apply = async <T>(call: Promise<Result<T>>, update: (article: ArticleView, value: T) => ArticleView) => {
      const result = await call;
      if (!result.ok) {
        onError(result.error.message);
        return false;
      }
      setArticle((a) => (a ? update(a, result.value) : a));
      changed([articleId]);
      return true;
    };
    const paragraphTags = (a: ArticleView, value: { paragraphId: number; tags: string[] }): ArticleView => ({
      ...a,
      paragraphTags: { ...a.paragraphTags, [value.paragraphId]: value.tags },
    });

    return {
      createHighlight: async (req) => void (await apply(pizhu.createHighlight(req), withHighlight)),
      recolor: async (highlightId, color) =>
        void (await apply(pizhu.updateHighlight({ highlightId, color }), withHighlight)),
      tagHighlight: async (highlightId, tag) =>
        void (await apply(pizhu.tagHighlight({ highlightId, tag }), withHighlight)),
      untagHighlight: async (highlightId, tag) =>
        void (await apply(pizhu.untagHighlight({ highlightId, tag }), withHighlight)),
      deleteHighlight: async (highlightId) => {
        const removed = (a: ArticleView): ArticleView => ({
          ...a,
          highlights: a.highlights.filter((h) => h.id !== highlightId),
        });
        if (await apply(pizhu.deleteHighlight({ highlightId }), removed)) showToast(deletedMessage, true);
      },
      tagParagraph: async (paragraphId, tag) =>
        void (await apply(pizhu.tagParagraph({ paragraphId, tag }), paragraphTags)),
      untagParagraph: async (paragraphId, tag) =>
        void (await apply(pizhu.untagParagraph({ paragraphId, tag }), paragraphTags)),
      reclassify: async (paragraphId, kind) =>
        void (await apply(pizhu.reclassifyParagraph({ paragraphId, kind }), (_, view) => view)),
      noteSaved: (paragraphId, note, hadNote) => {
        setArticle((a) => {
          if (!a) return a;
          const others = a.notes.filter((n) => n.paragraphId !== paragraphId);
          if (!note) return { ...a, notes: others };
          const order = new Map(a.paragraphs.map((p) => [p.id, p.order]));
          const at = (n: Note) => order.get(n.paragraphId) ?? 0;
          return { ...a, notes: [...others, note].sort((x, y) => at(x) - at(y)) };
        });
        // Only a note appearing or disappearing changes what other panes show (the note count).
        if (hadNote !== (note !== null)) changed([articleId]);
      },
    };
  }, [articleId, setArticle, onError, changed, deletedMessage]);
}
