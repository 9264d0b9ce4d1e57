import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../../preload/contract/api';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

export interface SearchRequest {
  query: string;
  tag: string;
  articleId: number | null;
}

type Answer = { key: string; result: SearchResult } | { key: string; error: string };
/** The exact count of a result that said "more than" (asked for after its page is shown). */
type Count = { key: string; total: number };

const pageSize = 200;
const typingPause = 180;

function keyOf(request: SearchRequest): string {
  return JSON.stringify([request.query.trim(), request.tag, request.articleId]);
}

/**
 * Runs the search a moment after typing stops, and again when the library changes. Answers
 * are kept with the request they answer, so a late answer to an older query is never shown.
 * A page of a common term comes back saying "more than N" (main finds a page without counting
 * every hit); the exact count is asked for once the page is shown, and replaces N when it comes.
 */
export function useSearch(request: SearchRequest) {
  const { version } = useLibraryEvents();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [count, setCount] = useState<Count | null>(null);
  const key = keyOf(request);
  const query = request.query.trim();
  const { tag, articleId } = request;

  useEffect(() => {
    if (query === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      void pizhu
        .search({
          query,
          limit: pageSize,
          ...(tag === '' ? {} : { tag }),
          ...(articleId === null ? {} : { articleId }),
        })
        .then((result) => {
          if (!live) return;
          setAnswer(result.ok ? { key, result: result.value } : { key, error: result.error.message });
          if (!result.ok || result.value.totalIsLowerBound !== true) return;
          void pizhu
            .search({
              query,
              limit: 1,
              exactTotal: true,
              ...(tag === '' ? {} : { tag }),
              ...(articleId === null ? {} : { articleId }),
            })
            .then((counted) => {
              if (live && counted.ok) setCount({ key, total: counted.value.total });
            });
        });
    }, typingPause);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key, query, tag, articleId, version]);

  if (query === '') return { status: 'empty' as const };
  if (answer?.key !== key) return { status: 'searching' as const };
  if ('error' in answer) return { status: 'error' as const, error: answer.error };
  if (answer.result.totalIsLowerBound === true && count?.key === key) {
    const { hits, memos } = answer.result;
    return { status: 'done' as const, result: { hits, total: count.total, ...(memos ? { memos } : {}) } };
  }
  return { status: 'done' as const, result: answer.result };
}
