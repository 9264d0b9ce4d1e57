import { useEffect, useState } from 'react';
import type { WordsProgress } from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';

/** A count shows its progress bar once it has run this long (issue #18: "a progress bar beyond one second"). */
const showAfterMs = 1_000;
const pollMs = 200;

/** While `busy`, main's progress of the running count, once it has run a second; null before and after. */
export function useCountProgress(busy: boolean): WordsProgress | null {
  const [progress, setProgress] = useState<WordsProgress | null>(null);
  useEffect(() => {
    if (!busy) return undefined;
    const started = performance.now();
    let live = true;
    const timer = window.setInterval(() => {
      if (performance.now() - started < showAfterMs) return;
      void pizhu.getWordsProgress().then((result) => {
        // A KWIC reports no progress: it keeps the bare "Counting…".
        if (live && result.ok && result.value) setProgress(result.value);
      });
    }, pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
      setProgress(null);
    };
  }, [busy]);
  return busy ? progress : null;
}
