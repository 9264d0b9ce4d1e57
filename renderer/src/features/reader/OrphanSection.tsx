import type { ReactNode } from 'react';

interface Props {
  /** The heading's id, for the section's label. */
  id: string;
  title: string;
  explanation: string;
  className?: string;
  children: ReactNode;
}

/** A list under the article of what no paragraph here holds (orphaned highlights, unplaced notes): never dropped, said why. */
export function OrphanSection({ id, title, explanation, className, children }: Props) {
  return (
    <section className={className ? `orphans ${className}` : 'orphans'} aria-labelledby={id}>
      <h3 id={id} className="orphans-title">
        {title}
      </h3>
      <p className="orphans-explanation">{explanation}</p>
      {children}
    </section>
  );
}
