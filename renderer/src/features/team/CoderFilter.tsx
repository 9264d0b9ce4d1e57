import { useId, useRef, useState } from 'react';
import type { Highlight } from '../../../../preload/contract/annotationTypes';
import type { Member } from '../../../../preload/contract/teamTypes';
import { useMessages } from '../../i18n/useMessages';
import { teamMessages } from './messages';
import { setHiddenMakers, useHiddenMakers } from './membersStore';
import './team.css';

interface Props {
  members: readonly Member[];
  /** The article's highlights: a "not recorded" choice is offered when one has no maker. */
  highlights: readonly Highlight[];
}

/**
 * Which coders' highlights the reader shows: every member with their colour, ticked when shown.
 * "Only" shows one member alone; "Show all" takes the filter away.
 */
export function CoderFilter({ members, highlights }: Props) {
  const t = useMessages(teamMessages);
  const hidden = useHiddenMakers();
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const makers: Array<{ uid: string; name: string; color: string | null }> = members.map((m) => ({
    uid: m.uid,
    name: m.me ? `${m.name}${t('you_')}` : m.name,
    color: m.color,
  }));
  if (highlights.some((h) => h.madeBy === '' || !members.some((m) => m.uid === h.madeBy))) {
    makers.push({ uid: '', name: t('unknownMaker'), color: null });
  }
  const shown = makers.filter((m) => !hidden.has(m.uid)).length;
  const toggle = (uid: string, show: boolean) => {
    const next = new Set(hidden);
    if (show) next.delete(uid);
    else next.add(uid);
    setHiddenMakers(next);
  };
  return (
    <div
      className="coder-filter"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        // Escape closes the panel first, not the reader's selection or popover.
        e.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        {t('codersShown', { shown, total: makers.length })}
      </button>
      <fieldset id={`${id}-panel`} className="coder-filter-panel" hidden={!open}>
        <legend id={`${id}-legend`}>{t('coders')}</legend>
        {makers.map((m) => (
          <div key={m.uid} className="coder-filter-row">
            <label>
              <input type="checkbox" checked={!hidden.has(m.uid)} onChange={(e) => toggle(m.uid, e.target.checked)} />
              <span className="member-swatch" style={m.color ? { background: m.color } : undefined} aria-hidden="true" />
              {m.name}
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() => setHiddenMakers(new Set(makers.filter((o) => o.uid !== m.uid).map((o) => o.uid)))}
            >
              {t('onlyThis', { name: m.name })}
            </button>
          </div>
        ))}
        <button type="button" className="button" disabled={hidden.size === 0} onClick={() => setHiddenMakers(new Set())}>
          {t('showAll')}
        </button>
      </fieldset>
    </div>
  );
}

/** A maker is shown unless the filter hides them; one not among the members counts as not recorded. */
export function makerShown(hidden: ReadonlySet<string>, members: readonly Member[], madeBy: string): boolean {
  if (hidden.size === 0) return true;
  const key = members.some((m) => m.uid === madeBy) ? madeBy : '';
  return !hidden.has(key);
}
