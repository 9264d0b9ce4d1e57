import { useId, useState, type FormEvent } from 'react';
import type {
  AttributeCsvImportResult,
  AttributeCsvSkippedLine,
  AttributeKind,
  ListedArticles,
} from '../../../../preload/contract/attributeTypes';
import { attributeKinds } from '../../../../preload/contract/attributeTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../annotate/toastStore';
import { AttributeValueField, kindLabel } from './AttributeValueField';
import { attributeMessages } from './messages';
import { useAttributes } from './useAttributes';
import './attributes.css';

interface Props {
  /** What the library list shows now: "set on the articles listed" applies to these. */
  list: ListedArticles;
  /** How many articles that is. */
  listed: number;
  /** The articles selected in the list: when there are any, "set" applies to them unless the list is chosen. */
  chosen: readonly number[];
  onClose: () => void;
}

/** Skipped lines listed one by one, at most this many (the count says how many in all). */
const skippedShown = 50;

/**
 * The library's attributes: each with its kind and how many values it has, deleted with one
 * undo step; a new one defined; one value set on (or cleared from) every article the list
 * shows; values imported from a CSV chosen in main's dialog, every skipped line with its reason.
 */
export function AttributesDialog({ list, listed, chosen: selected, onClose }: Props) {
  const t = useMessages(attributeMessages);
  const { changed } = useLibraryEvents();
  const attributes = useAttributes();
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<AttributeCsvImportResult | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttributeKind>('text');
  const [choices, setChoices] = useState('');
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [target, setTarget] = useState<'selected' | 'listed'>('selected');
  const onSelected = target === 'selected' && selected.length > 0;
  const count = onSelected ? selected.length : listed;
  const ids = { name: useId(), kind: useId(), choices: useId(), attribute: useId(), value: useId(), target: useId() };
  const chosen = attributes.find((a) => a.id === chosenId) ?? attributes[0];

  const define = async (event: FormEvent) => {
    event.preventDefault();
    const result = await pizhu.defineAttribute({
      name,
      kind,
      ...(kind === 'choice' ? { choices: choices.split('\n') } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setName('');
    setChoices('');
    changed([]);
    showToast(t('added', { name: result.value.name }), true);
  };

  const remove = async (id: number, attributeName: string) => {
    const result = await pizhu.removeAttribute({ id });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    changed([]);
    showToast(t('removed', { name: attributeName }), true);
  };

  const setOnList = async (event: FormEvent, clear: boolean) => {
    event.preventDefault();
    if (!chosen) return;
    const request = { attributeId: chosen.id, value: clear ? null : value };
    // The selection as it was when the dialog opened: one step for all of them.
    const result = onSelected
      ? await pizhu.setAttributeValue({ ...request, articleIds: [...selected] })
      : await pizhu.setAttributeValueOnList({ ...request, list });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    changed([]);
    showToast(t(clear ? 'clearedDone' : 'setDone', { name: chosen.name, count: result.value.changed }), true);
  };

  const importCsv = async () => {
    const result = await pizhu.importAttributes();
    if (!result.ok) return setError(result.error.message);
    if (result.value === null) return;
    setError(null);
    setReport(result.value);
    changed([]);
  };

  return (
    <Dialog title={t('dialogTitle')} onClose={onClose} className="attributes-dialog">
      <p className="field-hint">{t('hint')}</p>
      {attributes.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="attributes-list" aria-label={t('listLabel')}>
          {attributes.map((a) => (
            <li key={a.id}>
              <span className="attribute-name">{a.name}</span>
              <span className="muted">
                {t(kindLabel[a.kind])}
                {a.kind === 'choice' ? `: ${a.choices.join(' / ')}` : ''} ·{' '}
                {t('values', { count: a.values.reduce((n, v) => n + v.count, 0) })}
              </span>
              <button
                type="button"
                className="button"
                aria-label={t('removeOf', { name: a.name })}
                onClick={() => void remove(a.id, a.name)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="attributes-form" onSubmit={(e) => void define(e)}>
        <h3>{t('newTitle')}</h3>
        <label htmlFor={ids.name}>{t('name')}</label>
        <input id={ids.name} className="field" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={ids.kind}>{t('kind')}</label>
        <select
          id={ids.kind}
          className="field"
          value={kind}
          onChange={(e) => setKind(attributeKinds.find((k) => k === e.target.value) ?? 'text')}
        >
          {attributeKinds.map((k) => (
            <option key={k} value={k}>
              {t(kindLabel[k])}
            </option>
          ))}
        </select>
        {kind === 'choice' && (
          <>
            <label htmlFor={ids.choices}>{t('choices')}</label>
            <textarea
              id={ids.choices}
              className="field"
              rows={3}
              value={choices}
              onChange={(e) => setChoices(e.target.value)}
            />
          </>
        )}
        <span />
        <button type="submit" className="button" disabled={name.trim() === ''}>
          {t('add')}
        </button>
      </form>
      {chosen && (
        <form className="attributes-form" onSubmit={(e) => void setOnList(e, false)}>
          <h3>{onSelected ? t('setChosenTitle', { count }) : t('setTitle', { count })}</h3>
          {selected.length > 0 && (
            <>
              <label htmlFor={ids.target}>{t('setOn')}</label>
              <select
                id={ids.target}
                className="field"
                value={target}
                onChange={(e) => setTarget(e.target.value === 'listed' ? 'listed' : 'selected')}
              >
                <option value="selected">{t('targetChosen', { count: selected.length })}</option>
                <option value="listed">{t('targetListed', { count: listed })}</option>
              </select>
            </>
          )}
          <label htmlFor={ids.attribute}>{t('attribute')}</label>
          <select
            id={ids.attribute}
            className="field"
            value={chosen.id}
            onChange={(e) => {
              setChosenId(Number(e.target.value));
              setValue('');
            }}
          >
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.value}>{t('value')}</label>
          <AttributeValueField id={ids.value} attribute={chosen} value={value} onChange={setValue} />
          <span />
          <span className="attributes-buttons">
            <button type="submit" className="button button-primary" disabled={value.trim() === '' || count === 0}>
              {t('set')}
            </button>
            <button type="button" className="button" disabled={count === 0} onClick={(e) => void setOnList(e, true)}>
              {t('clear')}
            </button>
          </span>
        </form>
      )}
      <div className="attributes-import">
        <button type="button" className="button" onClick={() => void importCsv()}>
          {t('importCsv')}
        </button>
        <p className="field-hint">{t('importHint')}</p>
      </div>
      {error && (
        <p role="alert" className="dialog-message error">
          {error}
        </p>
      )}
      <div role="status" className="attributes-report">
        {report && (
          <>
            <p>{t('imported', { articles: report.articles, values: report.values, skipped: report.skipped.length })}</p>
            {report.skipped.length > 0 && (
              <ul className="attributes-skipped">
                {report.skipped.slice(0, skippedShown).map((s) => (
                  <li key={s.line}>{t('skippedLine', { line: s.line, reason: reasonText(t, s) })}</li>
                ))}
                {report.skipped.length > skippedShown && (
                  <li>{t('skippedMore', { count: report.skipped.length - skippedShown })}</li>
                )}
              </ul>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

function reasonText(
  t: ReturnType<typeof useMessages<keyof (typeof attributeMessages)['en']>>,
  s: AttributeCsvSkippedLine,
): string {
  const key = {
    'wrong-columns': 'reasonWrongColumns',
    'no-key': 'reasonNoKey',
    'no-article': 'reasonNoArticle',
    'several-articles': 'reasonSeveral',
    duplicate: 'reasonDuplicate',
    'bad-value': 'reasonBadValue',
  } as const;
  return t(key[s.reason], { column: s.column ?? '' });
}
