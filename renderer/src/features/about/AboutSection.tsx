import { useId } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { aboutMessages } from './messages';
import './about.css';

/** About Pizhu, in the Preferences dialog: the licences, and the attribution CC-CEDICT's licence asks for. */
export function AboutSection() {
  const t = useMessages(aboutMessages);
  const id = useId();
  return (
    <section className="preferences-section" aria-labelledby={`${id}-about`}>
      <h3 id={`${id}-about`}>{t('about')}</h3>
      <p className="field-hint about-text">{t('dictionary')}</p>
      <p className="field-hint about-text">{t('licence')}</p>
    </section>
  );
}
