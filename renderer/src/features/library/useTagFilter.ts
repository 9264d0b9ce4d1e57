import { useEffect, useState } from 'react';
import { pizhu } from '../../api/pizhuClient';

export type TaggedArticles = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; ids: ReadonlySet<number> };

/**
 * The articles carrying `tag` (or a tag nested under it), from its passages; fetched again
 * when the library changes, showing the last answer for the same tag meanwhile; in the trash
 * view, the trashed articles carrying it.
 */
export function useTaggedArticles(tag: string, version: number, inTrash: boolean): TaggedArticles {
  const [answer, setAnswer] = useState<{ tag: string; inTrash: boolean; ids: ReadonlySet<number> } | null>(null);
  useEffect(() => {
    if (tag === '') return;
    let live = true;
    void pizhu.listTaggedPassages({ tag, inTrash }).then((result) => {
      if (!live) return;
      // A tag that no longer exists (renamed, merged away) simply matches nothing.
      setAnswer({ tag, inTrash, ids: new Set(result.ok ? result.value.map((p) => p.articleId) : []) });
    });
    return () => {
      live = false;
    };
  }, [tag, version, inTrash]);
  if (tag === '') return { kind: 'none' };
  if (answer?.tag !== tag || answer.inTrash !== inTrash) return { kind: 'loading' };
  return { kind: 'ready', ids: answer.ids };
}
