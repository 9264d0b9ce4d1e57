import { useEffect, useState } from 'react';
import type { AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { afterFirstList } from '../../state/firstListShown';

/**
 * The library's attributes with their values and counts, read again whenever the library changes
 * (an undo too). Not before the library list's first page is shown: the library pane asks for
 * them at start, and main answers one request at a time.
 */
export function useAttributes(): AttributeSummary[] {
  const { version } = useLibraryEvents();
  const [attributes, setAttributes] = useState<AttributeSummary[]>([]);
  useEffect(() => {
    let live = true;
    void afterFirstList()
      .then(() => (live ? pizhu.listAttributes() : null))
      .then((result) => {
        if (live && result?.ok) setAttributes(result.value);
      });
    return () => {
      live = false;
    };
  }, [version]);
  return attributes;
}
