import type { MemoSearchHit } from '../../../../preload/contract/memoTypes';
import { useMessages } from '../../i18n/useMessages';
import { useNavigation } from '../../state/Navigation';
import { usePreferences } from '../preferences/PreferencesContext';
import { memoMessages } from './messages';

/** Up to this many characters either side of the first match. */
const context = 30;

/** The memo text around its first match, the matches marked. */
function snippet(hit: MemoSearchHit): Array<{ text: string; marked: boolean }> {
  const first = hit.matches[0];
  const from = first ? Math.max(0, first.start - context) : 0;
  const to = first ? Math.min(hit.text.length, first.end + context * 2) : Math.min(hit.text.length, context * 3);
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = from;
  for (const match of hit.matches) {
    if (match.end <= from || match.start >= to) continue;
    const start = Math.max(match.start, at);
    const end = Math.min(match.end, to);
    if (start > at) parts.push({ text: hit.text.slice(at, start), marked: false });
    parts.push({ text: hit.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < to) parts.push({ text: hit.text.slice(at, to), marked: false });
  if (from > 0) parts.unshift({ text: '…', marked: false });
  if (to < hit.text.length) parts.push({ text: '…', marked: false });
  return parts;
}

/**
 * The memos a search found, above the text hits: an article memo opens its article with the
 * memos panel, a journal entry the memos panel, each memo brought into view.
 */
export function MemoSearchResults({ hits }: { hits: readonly MemoSearchHit[] }) {
  const t = useMessages(memoMessages);
  const { preferences } = usePreferences();
  const { openArticle, showSidePanel } = useNavigation();
  if (hits.length === 0) return null;
  const open = async (hit: MemoSearchHit) => {
    if (hit.articleId !== null) await openArticle(hit.articleId);
    showSidePanel({ kind: 'memos', focusMemoId: hit.memoId });
  };
  return (
    <section className="search-group memo-hits" aria-label={t('memoHits')}>
      <h3 className="search-article">{t('memoHits')}</h3>
      <ol className="search-hits">
        {hits.map((hit) => (
          <li key={hit.memoId}>
            <button type="button" className="search-hit memo-hit" onClick={() => void open(hit)}>
              <span className="search-where">
                {hit.articleId === null
                  ? t('journalHit', { date: new Date(hit.createdAt).toLocaleDateString(preferences.uiLocale) })
                  : `${t('articleMemoHit')} · ${hit.articleTitle ?? ''}`}
              </span>
              <span className="search-snippet" lang="zh">
                {snippet(hit).map((part, i) =>
                  part.marked ? (
                    <mark key={i} className="search-mark">
                      {part.text}
                    </mark>
                  ) : (
                    <span key={i}>{part.text}</span>
                  ),
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
