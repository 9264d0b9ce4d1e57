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

const pageSize = 200;
const typingPause = 180;

function keyOf(request: SearchRequest): string {
  return JSON.stringify([request.query.trim(), request.tag, request.articleId]);
}

/**
 * Runs the search a moment after typing stops, and again when the library changes. Answers
 * are kept with the request they answer, so a late answer to an older query is never shown.
 */
export function useSearch(request: SearchRequest) {
  const { version } = useLibraryEvents();
  const [answer, setAnswer] = useState<Answer | null>(null);
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
  return { status: 'done' as const, result: answer.result };
}
