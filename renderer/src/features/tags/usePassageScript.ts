import { useCallback, useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useReaderScript } from '../reader/useReaderScript';

/**
 * Shows an article's text (its title, a passage) in the script mode the reader uses for that
 * article (its own choice, else the default), converted for its region, as the search results
 * do: the tag view read in the original script beside a reader in 繁體 was two scripts for one
 * text, and a Taiwan passage in 简体 kept its Taiwan words (軟體 for 软件).
 */
export function usePassageScript(): (articleId: number, text: string) => string {
  const { show } = useReaderScript();
  const { version } = useLibraryEvents();
  const [scripts, setScripts] = useState<ReadonlyMap<number, Pick<ArticleSummary, 'script' | 'region'>>>(new Map());

  useEffect(() => {
    let live = true;
    void pizhu.listArticles().then((result) => {
      if (live && result.ok)
        setScripts(new Map(result.value.map((a) => [a.id, { script: a.script, region: a.region }])));
    });
    return () => {
      live = false;
    };
  }, [version]);

  return useCallback(
    (articleId: number, text: string) => {
      const article = scripts.get(articleId);
      return article === undefined ? text : show({ id: articleId, ...article }, text);
    },
    [scripts, show],
  );
}
