import { useMessages } from '../../i18n/useMessages';
import { ProgressTrack } from '../../ui/ProgressTrack';
import { wordsMessages } from './messages';
import { useCountProgress } from './useCountProgress';

/**
 * While a count runs: "Counting…", and after a second main's progress as a bar with its count.
 * A KWIC reports no progress (`counted` false): it keeps the bare line and main is not asked.
 */
export function ProgressLine({ busy, counted = true }: { busy: boolean; counted?: boolean }) {
  const t = useMessages(wordsMessages);
  const progress = useCountProgress(busy && counted);
  if (!busy) return null;
  return (
    <div className="words-progress" role="status">
      <span>{t('counting')}</span>
      {progress && (
        <ProgressTrack
          label={t('counting')}
          done={progress.done}
          total={progress.total}
          valueText={t('progress', { done: progress.done, total: progress.total })}
        />
      )}
    </div>
  );
}
