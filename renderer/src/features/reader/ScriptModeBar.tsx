import { useRef, type KeyboardEvent } from 'react';
import { scriptModeLabels, scriptModes, type ScriptMode } from '../../../../preload/common/scriptModes';
import { useMessages } from '../../i18n/useMessages';
import { readerMessages } from './messages';

interface Props {
  mode: ScriptMode;
  onChange: (mode: ScriptMode) => void;
}

/** 原文 / 简体 / 繁體 / 臺灣 / 臺灣(詞彙) / 香港 as segmented buttons: a radio group, arrows move. */
export function ScriptModeBar({ mode, onChange }: Props) {
  const t = useMessages(readerMessages);
  const group = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = scriptModes[(scriptModes.indexOf(mode) + step + scriptModes.length) % scriptModes.length] ?? mode;
    onChange(next);
    group.current?.querySelector<HTMLElement>(`[data-mode="${next}"]`)?.focus();
  };

  return (
    <div ref={group} role="radiogroup" aria-label={t('scriptMode')} className="mode-bar" onKeyDown={onKeyDown}>
      {scriptModes.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          data-mode={m}
          aria-checked={m === mode}
          tabIndex={m === mode ? 0 : -1}
          lang={m === 'cn' ? 'zh-Hans' : 'zh-Hant'}
          className="mode-button"
          onClick={() => onChange(m)}
        >
          {scriptModeLabels[m]}
        </button>
      ))}
    </div>
  );
}
