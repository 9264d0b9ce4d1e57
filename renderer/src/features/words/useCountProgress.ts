import { useEffect, useState } from 'react';
import type { WordsProgress } from '../../../../preload/contract/analysisTypes';
import { pizhu } from '../../api/pizhuClient';

/** A count shows its progress bar once it has run this long (issue #18: "a progress bar beyond one second"). */
const showAfterMs = 1_000;
const pollMs = 200;

/**
 * While `counting`, main's progress of the running count, once it has run a second; null before
 * and after. Main is asked first after that second, then again only once it has answered.
 */
export function useCountProgress(counting: boolean): WordsProgress | null {
  const [progress, setProgress] = useState<WordsProgress | null>(null);
  useEffect(() => {
    if (!counting) return undefined;
    let live = true;
    let timer: number | undefined;
    const ask = () =>
      void pizhu.getWordsProgress().then((result) => {
        if (!live) return;
        if (result.ok && result.value) setProgress(result.value);
        timer = window.setTimeout(ask, pollMs);
      });
    timer = window.setTimeout(ask, showAfterMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
      setProgress(null);
    };
  }, [counting]);
  return counting ? progress : null;
}
