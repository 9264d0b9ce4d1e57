import type { OffsetRange } from '../../../../preload/common/offsetMap';
import { useMessages } from '../../i18n/useMessages';
import { readerMessages } from './messages';
import { ReaderView } from './ReaderView';
import { useArticle } from './useArticle';
import './reader.css';

interface Props {
  articleId: number;
  focusParagraphId: number | null;
  focusMatches: readonly OffsetRange[] | null;
  onError: (message: string) => void;
}

/** The open article: fetched (and fetched again when another pane changes it), then read. */
export function ArticleReader({ articleId, focusParagraphId, focusMatches, onError }: Props) {
  const t = useMessages(readerMessages);
  const { article, setArticle } = useArticle(articleId, onError);
  if (!article) return <p className="muted reader-loading">{t('loading')}</p>;
  return <ReaderView article={article} setArticle={setArticle} focusParagraphId={focusParagraphId} focusMatches={focusMatches} onError={onError} />;
}
