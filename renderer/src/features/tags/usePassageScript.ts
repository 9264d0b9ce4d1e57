import { useCallback, useEffect, useState } from 'react';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useReaderScript } from '../reader/useReaderScript';

/**
 * Shows an article's text (its title, a passage) in the script mode the reader uses for that
 * article (its own choice, else the default), as the search results do: the tag view read in
 * the original script beside a reader in 繁體 was two scripts for one text.
 */
export function usePassageScript(): (articleId: number, text: string) => string {
  const { show } = useReaderScript();
  const { version } = useLibraryEvents();
  const [scripts, setScripts] = useState<ReadonlyMap<number, DetectedScript>>(new Map());

  useEffect(() => {
    let live = true;
    void pizhu.listArticles().then((result) => {
      if (live && result.ok) setScripts(new Map(result.value.map((a) => [a.id, a.script])));
    });
    return () => {
      live = false;
    };
  }, [version]);

  return useCallback(
    (articleId: number, text: string) => {
      const script = scripts.get(articleId);
      return script === undefined ? text : show({ id: articleId, script }, text);
    },
    [scripts, show],
  );
}
