import { useId, useState } from 'react';
import { memberColors, maxMemberNameLength, type MemberColor } from '../../../../preload/contract/teamTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { teamMessages } from './messages';
import { refreshMembers, useMembers } from './membersStore';
import './team.css';

/** This person's name and colour in the library (Preferences): each change saved at once, one undo step. */
export function MemberSection() {
  const t = useMessages(teamMessages);
  const id = useId();
  const me = useMembers().find((m) => m.me);
  // What the person is typing; null shows the saved name.
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  if (!me) return null;
  const name = draft ?? me.name;

  const save = (wanted: { name: string; color: MemberColor }) => {
    setDraft(null);
    if (wanted.name.trim() === '' || (wanted.name.trim() === me.name && wanted.color === me.color)) return;
    void pizhu.setMyMember(wanted).then((result) => {
      setStatus(result.ok ? t('saved') : result.error.message);
      void refreshMembers();
    });
  };
  const color = memberColors.find((c) => c === me.color) ?? memberColors[0];

  return (
    <section className="preferences-section" aria-labelledby={`${id}-you`}>
      <h3 id={`${id}-you`}>{t('you')}</h3>
      <div className="preference-row">
        <label htmlFor={`${id}-name`}>{t('yourName')}</label>
        <input
          id={`${id}-name`}
          className="field"
          value={name}
          maxLength={maxMemberNameLength}
          aria-describedby={`${id}-name-hint`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => save({ name, color })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save({ name, color });
          }}
        />
      </div>
      <p id={`${id}-name-hint`} className="field-hint">
        {t('yourNameHint')}
      </p>
      <div className="preference-row">
        <span id={`${id}-color`}>{t('yourColor')}</span>
        <div role="radiogroup" aria-labelledby={`${id}-color`} className="member-colors">
          {memberColors.map((c, i) => (
            <label key={c} className="member-color" title={t('colorName', { n: i + 1 })}>
              <input
                type="radio"
                name={`${id}-color`}
                value={c}
                checked={c === color}
                aria-label={t('colorName', { n: i + 1 })}
                onChange={() => save({ name: me.name, color: c })}
              />
              <span className="member-swatch" style={{ background: c }} aria-hidden="true" />
            </label>
          ))}
        </div>
      </div>
      {status !== '' && (
        <p className="field-hint" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
