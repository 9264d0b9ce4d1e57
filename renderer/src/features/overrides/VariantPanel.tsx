import { useId, useMemo, useState, type FormEvent } from 'react';
import type { SourceRegion } from '../../../../preload/common/conversionTable';
import { scriptModeLabels, type ScriptMode } from '../../../../preload/common/scriptModes';
import { distinctForms, wordVariants } from '../../../../preload/common/wordVariants';
import type { DetectedScript } from '../../../../preload/contract/articleTypes';
import {
  maxOverrideTermLength,
  overrideModes,
  type OverrideMode,
} from '../../../../preload/contract/termOverrideTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { Dialog } from '../../ui/Dialog';
import { FormDialogActions } from '../../ui/FormDialogActions';
import { showToast } from '../annotate/toastStore';
import { overridesMessages } from './messages';
import { ModeChecks, modeNames } from './ModeChecks';
import { OverridesDialog } from './OverridesDialog';
import { overrideErrorText } from './overrideErrors';
import { useTermOverrides } from './overridesStore';
import './overrides.css';

interface Props {
  /** The selected word as shown. */
  word: string;
  /** The same word as the article stores it: what an override matches. */
  source: string;
  script: DetectedScript;
  region: SourceRegion;
  /** The reader's script mode now: the override applies to it unless the person chooses otherwise. */
  mode: ScriptMode;
  onClose: () => void;
}

/** The radio value of "your own" form: no form of a word can be it. */
const ownChoice = '\u0000own';

const langOf = (mode: ScriptMode) =>
  mode === 'cn' ? 'zh-Hans' : mode === 'hk' ? 'zh-Hant-HK' : mode === 't' ? 'zh-Hant' : 'zh-Hant-TW';

/**
 * A selected word's forms in each regional script, as OpenCC's dictionaries convert it for this
 * article, and "always show as…": a library-wide override of the stored characters, one undo
 * step, which the reader shows at once.
 */
export function VariantPanel({ word, source, script, region, mode, onClose }: Props) {
  const t = useMessages(overridesMessages);
  const { changed } = useLibraryEvents();
  const id = useId();
  const variants = useMemo(() => wordVariants(source, script, region), [source, script, region]);
  const forms = useMemo(() => distinctForms(variants), [variants]);
  // The override that shows this word in the mode read now, if any: the panel then edits it.
  const overrides = useTermOverrides();
  const [existing] = useState(() =>
    overrides.find((o) => o.source === source && (mode === 'original' || o.modes.includes(mode))),
  );
  const shownNow = mode === 'original' ? source : (variants.find((v) => v.mode === mode)?.text ?? word);
  const initial = existing?.target ?? shownNow;
  const initialIsForm = forms.some((f) => f.text === initial);
  const [choice, setChoice] = useState<string>(initialIsForm ? initial : ownChoice);
  const [own, setOwn] = useState(initialIsForm ? '' : initial);
  const [modes, setModes] = useState<OverrideMode[]>(() =>
    existing
      ? overrideModes.filter((m) => existing.modes.includes(m))
      : mode === 'original'
        ? [...overrideModes]
        : overrideModes.filter((m) => m === mode),
  );
  const [error, setError] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const ownChosen = choice === ownChoice;
  const target = (ownChosen ? own : choice).trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (target === '') return setError(t('noTarget'));
    if (modes.length === 0) return setError(t('noModes'));
    const result = existing
      ? await pizhu.updateTermOverride({ id: existing.id, source, target, modes })
      : await pizhu.addTermOverride({ source, target, modes });
    if (!result.ok) return setError(overrideErrorText(t, result.error, source));
    // Every pane that shows text through the overrides fetches them again.
    changed([]);
    showToast(t(existing ? 'updated' : 'saved', { source, target }), true);
    onClose();
  };

  return (
    <Dialog title={t('variantsTitle', { word })} onClose={onClose} className="variant-panel">
      <div className="variant-top">
        <p className="variant-stored">
          {source !== word ? t('storedAs', { source }) : ''}
          {existing && ` ${t('overriddenAs', { target: existing.target, modes: modeNames(existing.modes) })}`}
        </p>
        <button type="button" className="button" onClick={() => setManaging(true)}>
          {t('manage')}
        </button>
      </div>
      <table className="variant-table">
        <thead>
          <tr>
            <th scope="col">{t('script')}</th>
            <th scope="col">{t('form')}</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => (
            <tr key={v.mode} aria-current={v.mode === mode ? 'true' : undefined}>
              <th scope="row">
                <span lang={langOf(v.mode)}>{scriptModeLabels[v.mode]}</span>{' '}
                <span className="muted">{t(`mode.${v.mode}`)}</span>
              </th>
              <td lang={langOf(v.mode)} className="variant-form">
                {v.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset className="override-choice">
          <legend>{t('alwaysShowAs', { source })}</legend>
          {forms.map((f) => (
            <label key={f.text} htmlFor={`${id}-${f.text}`}>
              <input
                id={`${id}-${f.text}`}
                type="radio"
                name={`${id}-target`}
                checked={choice === f.text}
                // The form chosen has the focus: arrows pick another, as in any radio group.
                autoFocus={f.text === initial}
                onChange={() => setChoice(f.text)}
              />
              <span lang={langOf(f.modes[0] ?? 't')}>{f.text}</span>
            </label>
          ))}
          <label htmlFor={`${id}-own`} className="override-own">
            <input
              id={`${id}-own`}
              type="radio"
              name={`${id}-target`}
              checked={ownChosen}
              onChange={() => setChoice(ownChoice)}
            />
            {t('ownForm')}
          </label>
          <input
            className="field"
            aria-label={t('ownFormField')}
            autoFocus={!initialIsForm}
            value={own}
            maxLength={maxOverrideTermLength}
            onChange={(e) => {
              setOwn(e.target.value);
              setChoice(ownChoice);
            }}
          />
        </fieldset>
        <ModeChecks legend={t('inModes')} modes={modes} onChange={setModes} />
        <FormDialogActions error={error} cancelLabel={t('cancel')} submitLabel={t('save')} onCancel={onClose} />
      </form>
      {managing && <OverridesDialog onClose={() => setManaging(false)} />}
    </Dialog>
  );
}
