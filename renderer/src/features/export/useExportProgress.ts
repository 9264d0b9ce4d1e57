import { useEffect, useState } from 'react';
import type { MarkdownExportProgress } from '../../../../preload/contract/api';
import { pizhu } from '../../api/pizhuClient';

/** How often the dialog asks main how far the export is: main pauses for it every few files. */
const pollMs = 150;

/** The running export's progress while `running`, asked of main; null before its first answer. */
export function useExportProgress(running: boolean): MarkdownExportProgress | null {
  const [progress, setProgress] = useState<MarkdownExportProgress | null>(null);
  useEffect(() => {
    if (!running) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void pizhu.getExportProgress().then((result) => {
        if (!live) return;
        if (result.ok) setProgress(result.value);
        timer = setTimeout(ask, pollMs);
      });
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
      setProgress(null);
    };
  }, [running]);
  return running ? progress : null;
}
