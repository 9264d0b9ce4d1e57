import { useEffect, useState } from 'react';
import { pizhu } from '../../api/pizhuClient';

export type TaggedArticles = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; ids: ReadonlySet<number> };

/**
 * The articles carrying `tag` (or a tag nested under it), from its passages; fetched again
 * when the library changes, showing the last answer for the same tag meanwhile.
 */
export function useTaggedArticles(tag: string, version: number): TaggedArticles {
  const [answer, setAnswer] = useState<{ tag: string; ids: ReadonlySet<number> } | null>(null);
  useEffect(() => {
    if (tag === '') return;
    let live = true;
    void pizhu.listTaggedPassages({ tag }).then((result) => {
      if (!live) return;
      // A tag that no longer exists (renamed, merged away) simply matches nothing.
      setAnswer({ tag, ids: new Set(result.ok ? result.value.map((p) => p.articleId) : []) });
    });
    return () => {
      live = false;
    };
  }, [tag, version]);
  if (tag === '') return { kind: 'none' };
  if (answer?.tag !== tag) return { kind: 'loading' };
  return { kind: 'ready', ids: answer.ids };
}
