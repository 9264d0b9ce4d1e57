import { useId } from 'react';
import { scriptModeLabels, type ScriptMode } from '../../../../preload/common/scriptModes';
import { overrideModes, type OverrideMode } from '../../../../preload/contract/termOverrideTypes';
import { useMessages } from '../../i18n/useMessages';
import { overridesMessages } from './messages';

interface Props {
  legend: string;
  modes: readonly ScriptMode[];
  onChange: (modes: OverrideMode[]) => void;
}

/** Which display scripts an override applies to: one checkbox each, in the mode bar's order. */
export function ModeChecks({ legend, modes, onChange }: Props) {
  const t = useMessages(overridesMessages);
  const id = useId();
  const toggle = (mode: OverrideMode, on: boolean) =>
    onChange(overrideModes.filter((m) => (m === mode ? on : modes.includes(m))));
  return (
    <fieldset className="override-modes">
      <legend>{legend}</legend>
      {overrideModes.map((mode) => (
        <label key={mode} htmlFor={`${id}-${mode}`} title={t(`mode.${mode}`)}>
          <input
            id={`${id}-${mode}`}
            type="checkbox"
            checked={modes.includes(mode)}
            onChange={(e) => toggle(mode, e.target.checked)}
          />
          <span lang={mode === 'cn' ? 'zh-Hans' : 'zh-Hant'}>{scriptModeLabels[mode]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The modes as the mode bar names them, for a list row: 简体、臺灣(詞彙). */
export function modeNames(modes: readonly ScriptMode[]): string {
  return modes.map((m) => scriptModeLabels[m]).join('、');
}
