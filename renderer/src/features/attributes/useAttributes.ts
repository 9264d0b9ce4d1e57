import { useEffect, useState } from 'react';
import type { AttributeSummary } from '../../../../preload/contract/attributeTypes';
import { pizhu } from '../../api/pizhuClient';
import { useLibraryEvents } from '../../state/LibraryEvents';

/** The library's attributes with their values and counts, read again whenever the library changes (an undo too). */
export function useAttributes(): AttributeSummary[] {
  const { version } = useLibraryEvents();
  const [attributes, setAttributes] = useState<AttributeSummary[]>([]);
  useEffect(() => {
    let live = true;
    void pizhu.listAttributes().then((result) => {
      if (live && result.ok) setAttributes(result.value);
    });
    return () => {
      live = false;
    };
  }, [version]);
  return attributes;
}
