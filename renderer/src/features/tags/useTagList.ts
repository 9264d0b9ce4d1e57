import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { afterFirstList } from '../../state/firstListShown';

/**
 * Every tag of the library, for pickers and completion; fetched again when the library changes.
 * Not before the library list's first page is shown: no picker is needed for it.
 */
export function useTagList(): TagSummary[] {
  const { version } = useLibraryEvents();
  const [tags, setTags] = useState<TagSummary[]>([]);
  useEffect(() => {
    let live = true;
    void afterFirstList()
      .then(() => (live ? pizhu.listTags() : null))
      .then((result) => {
        if (live && result?.ok) setTags(result.value);
      });
    return () => {
      live = false;
    };
  }, [version]);
  return tags;
}
