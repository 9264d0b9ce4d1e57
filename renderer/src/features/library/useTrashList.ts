import { useEffect, useState } from 'react';
import type { TrashedArticle } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';

/** The trash, fetched while it is shown and again after every library change; null while loading. */
export function useTrashList(shown: boolean, version: number): TrashedArticle[] | null {
  const [trash, setTrash] = useState<TrashedArticle[] | null>(null);
  useEffect(() => {
    if (!shown) return undefined;
    let live = true;
    void pizhu.listTrash().then((result) => {
      if (live) setTrash(result.ok ? result.value : []);
    });
    return () => {
      live = false;
    };
  }, [shown, version]);
  return shown ? trash : null;
}
