import './progress.css';

interface Props {
  /** What is in progress, for assistive technology. */
  label: string;
  done: number;
  total: number;
  /** The count as a person reads it (12 / 240). */
  valueText: string;
}

/** A determinate progress bar: the import's and the export's. */
export function ProgressTrack({ label, done, total, valueText }: Props) {
  return (
    <div
      className="progress-track"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: `${total > 0 ? (100 * done) / total : 0}%` }} />
    </div>
  );
}
