import { useEffect, useState } from 'react';
import type { TagSummary } from '../../../../preload/contract/annotationTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/** Every tag of the library, for pickers and completion; fetched again when the library changes. */
export function useTagList(): TagSummary[] {
  const { version } = useLibraryEvents();
  const [tags, setTags] = useState<TagSummary[]>([]);
  useEffect(() => {
    let live = true;
    void pizhu.listTags().then((result) => {
      if (live && result.ok) setTags(result.value);
    });
    return () => {
      live = false;
    };
  }, [version]);
  return tags;
}
