import { useId, useState, type FormEvent } from 'react';
import type { ScriptMode } from '../../../../preload/common/scriptModes';
import { maxOverrideTermLength, type TermOverride } from '../../../../preload/contract/termOverrideTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { FormDialogActions } from '../../ui/FormDialogActions';
import { overridesMessages } from './messages';
import { ModeChecks } from './ModeChecks';
import { overrideErrorText } from './overrideErrors';

interface Props {
  override: TermOverride;
  /** The saved override, or null when the person cancelled. */
  onDone: (saved: TermOverride | null) => void;
}

/** One override's stored text, shown form and scripts, changed in one undo step. */
export function EditOverrideForm({ override, onDone }: Props) {
  const t = useMessages(overridesMessages);
  const id = useId();
  const [source, setSource] = useState(override.source);
  const [target, setTarget] = useState(override.target);
  const [modes, setModes] = useState<readonly ScriptMode[]>(override.modes);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rule = { id: override.id, source: source.trim(), target: target.trim(), modes: [...modes] };
    if (rule.source === '' || rule.target === '') return setError(t('noTarget'));
    if (rule.modes.length === 0) return setError(t('noModes'));
    const result = await pizhu.updateTermOverride(rule);
    if (!result.ok) return setError(overrideErrorText(t, result.error, rule.source));
    onDone(result.value);
  };

  return (
    <form className="override-edit" onSubmit={(e) => void submit(e)}>
      <div className="override-edit-row">
        <label htmlFor={`${id}-source`}>{t('sourceField')}</label>
        <input
          id={`${id}-source`}
          className="field"
          lang="zh"
          value={source}
          maxLength={maxOverrideTermLength}
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <div className="override-edit-row">
        <label htmlFor={`${id}-target`}>{t('targetField')}</label>
        <input
          id={`${id}-target`}
          className="field"
          lang="zh"
          value={target}
          maxLength={maxOverrideTermLength}
          autoFocus
          onChange={(e) => setTarget(e.target.value)}
        />
      </div>
      <ModeChecks legend={t('inModes')} modes={modes} onChange={setModes} />
      <FormDialogActions
        error={error}
        cancelLabel={t('cancel')}
        submitLabel={t('save')}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
