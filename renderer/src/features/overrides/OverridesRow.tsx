import { useId, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { overridesMessages } from './messages';
import { OverridesDialog } from './OverridesDialog';
import { useTermOverrides } from './overridesStore';

/** Preferences' way to the library's own conversions: how many there are, and the list. */
export function OverridesRow() {
  const t = useMessages(overridesMessages);
  const id = useId();
  const count = useTermOverrides().length;
  const [open, setOpen] = useState(false);
  return (
    <div className="preference-row">
      <span id={id}>{t('listTitle')}</span>
      <span className="preference-value">{t('listCount', { count })}</span>
      <button type="button" className="button" aria-describedby={id} onClick={() => setOpen(true)}>
        {t('showList')}
      </button>
      {open && <OverridesDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
