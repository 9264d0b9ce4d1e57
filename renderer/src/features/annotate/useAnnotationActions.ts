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
  /** A selection over several paragraphs: one highlight per paragraph, linked as one group. */
  createHighlightGroup: (req: {
    ranges: Array<{ paragraphId: number; start: number; end: number }>;
    color: HighlightColor;
    tags?: string[];
  }) => Promise<void>;
  recolor: (highlightId: number, color: HighlightColor) => Promise<void>;
  tagHighlight: (highlightId: number, tag: string) => Promise<void>;
  untagHighlight: (highlightId: number, tag: string) => Promise<void>;
  /** Sets (or with '' removes) a highlight's comment; true when main took it. */
  commentHighlight: (highlightId: number, comment: string) => Promise<boolean>;
  deleteHighlight: (highlightId: number) => Promise<void>;
  tagParagraph: (paragraphId: number, tag: string) => Promise<void>;
  untagParagraph: (paragraphId: number, tag: string) => Promise<void>;
  reclassify: (paragraphId: number, kind: ParagraphKind) => Promise<void>;
  /** After the note editor saved: `hadNote` is whether the paragraph had a note before. */
  noteSaved: (paragraphId: number, note: Note | null, hadNote: boolean) => void;
}

type SetArticle = Dispatch<SetStateAction<ArticleView | null>>;

/**
 * The article with a highlight as main answered it. Main recolours and tags every member of a
 * group together and answers with one: the others take the same colour and tags here.
 */
function withHighlight(article: ArticleView, h: Highlight): ArticleView {
  const known = article.highlights.some((x) => x.id === h.id);
  const sibling = (x: Highlight) => h.groupId !== null && x.groupId === h.groupId && x.id !== h.id;
  const updated = article.highlights.map((x) =>
    x.id === h.id ? h : sibling(x) ? { ...x, color: h.color, tags: h.tags, updatedAt: h.updatedAt } : x,
  );
  return { ...article, highlights: known ? updated : [...article.highlights, h] };
}

function withHighlights(article: ArticleView, created: readonly Highlight[]): ArticleView {
  return created.reduce(withHighlight, article);
}

/** The article without a highlight, and without the other members of its group (main deleted them together). */
function withoutHighlight(article: ArticleView, deleted: Highlight): ArticleView {
  const gone = (x: Highlight) => x.id === deleted.id || (deleted.groupId !== null && x.groupId === deleted.groupId);
  return { ...article, highlights: article.highlights.filter((x) => !gone(x)) };
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
      createHighlightGroup: async (req) =>
        void (await apply(pizhu.createHighlightGroup(req), withHighlights)),
      recolor: async (highlightId, color) =>
        void (await apply(pizhu.updateHighlight({ highlightId, color }), withHighlight)),
      tagHighlight: async (highlightId, tag) =>
        void (await apply(pizhu.tagHighlight({ highlightId, tag }), withHighlight)),
      untagHighlight: async (highlightId, tag) =>
        void (await apply(pizhu.untagHighlight({ highlightId, tag }), withHighlight)),
      commentHighlight: (highlightId, comment) =>
        apply(pizhu.updateHighlightComment({ highlightId, comment }), withHighlight),
      deleteHighlight: async (highlightId) => {
        if (await apply(pizhu.deleteHighlight({ highlightId }), withoutHighlight)) showToast(deletedMessage, true);
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
