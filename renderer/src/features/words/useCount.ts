import { useState } from 'react';
import type { Result } from '../../../../preload/contract/errors';
import type { WordsStatus } from './StatusLine';

/**
 * A table main counts (a frequency list, a keyness comparison): the last result, whether a count
 * runs, and the line saying what went wrong (or what an export wrote).
 */
export function useCount<T>() {
  const [result, setResult] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<WordsStatus | null>(null);
  const run = (call: () => Promise<Result<T>>) => {
    setBusy(true);
    setStatus(null);
    void call().then((r) => {
      setBusy(false);
      if (r.ok) setResult(r.value);
      else setStatus({ message: r.error.message, error: true });
    });
  };
  return { result, busy, status, setStatus, run };
}
