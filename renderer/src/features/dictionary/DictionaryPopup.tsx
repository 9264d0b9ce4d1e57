import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DictionaryEntry, WordLookup } from '../../../../preload/contract/dictionaryTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { showToast } from '../annotate/toastStore';
import { isEditableTarget } from '../annotate/isEditableTarget';
import { selectionToCanonical } from '../annotate/selectionOffsets';
import type { DisplayText } from '../reader/displayText';
import { dictionaryMessages } from './messages';
import { sentenceAround } from './sentenceAround';
import type { DictionaryLookup, LookupState } from './useDictionaryLookup';
import './dictionary.css';
import { noteVocabularyChanged } from '../reading/vocabularyVersion';

interface Props {
  lookup: DictionaryLookup;
  state: LookupState;
  display: DisplayText | undefined;
  /** The language tag of the reader's text now, so headwords show in the right glyph forms. */
  lang: string;
}

const regionalKeys = ['mainland', 'traditional', 'taiwan', 'taiwanPhrases', 'hongkong'] as const;

/**
 * The dictionary pop-up: the word's headwords in both scripts, pinyin and zhuyin, every sense,
 * and its regional forms; ←/→ move along the text, ↑/↓ change the word's length, Escape closes
 * (and gives focus back). "Add to vocabulary" saves the word with its sentence and its place in
 * the stored text.
 */
export function DictionaryPopup({ lookup, state, display, lang }: Props) {
  const t = useMessages(dictionaryMessages);
  const ref = useRef<HTMLDivElement>(null);
  const { result, error } = state;
  const [chosen, setChosen] = useState<{ entry: number; sense: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const wordKey = result ? `${result.start}:${result.length}` : '';
  const [shownKey, setShownKey] = useState(wordKey);
  if (shownKey !== wordKey) {
    // Another word: its own sense to choose.
    setShownKey(wordKey);
    setChosen(null);
    setSaveError(null);
  }

  // Under the word, or over it when the window has more room there; scrolling inside when neither side holds it all.
  const [place, setPlace] = useState<{ top: number; maxHeight?: number }>({ top: state.anchor.top });
  const { top: below, above } = state.anchor;
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.offsetParent;
    if (!el || !parent) return;
    const height = el.scrollHeight;
    const parentTop = parent.getBoundingClientRect().top;
    // The part of the window the reader scrolls in (the bar above it stays over it).
    const view = el.closest('.reader-scroll')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const roomBelow = view.bottom - 8 - (parentTop + below);
    const roomAbove = parentTop + above - view.top - 8;
    if (height <= roomBelow || roomBelow >= roomAbove) setPlace({ top: below, maxHeight: Math.max(120, roomBelow) });
    else setPlace({ top: above - Math.min(height, roomAbove), maxHeight: roomAbove });
  }, [below, above, result, error]);

  const latest = useRef({ lookup, focus: state.focus });
  useEffect(() => {
    latest.current = { lookup, focus: state.focus };
  });

  // Keyboard-opened: the pop-up takes focus, so its keys and Tab order are the person's next stop.
  const focus = state.focus;
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus]);

  // Its keys work whether it was opened by the keyboard or by a hover; typing elsewhere keeps its keys.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const inside = event.target instanceof Node && ref.current?.contains(event.target);
      if (!inside && (isEditableTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey)) return;
      if (!inside && event.target instanceof Element && event.target.closest('dialog')) return;
      const { lookup: current, focus: keyboard } = latest.current;
      const act: Record<string, () => void> = {
        ArrowRight: () => current.move(1),
        ArrowLeft: () => current.move(-1),
        ArrowUp: () => current.resize(1),
        ArrowDown: () => current.resize(-1),
        Escape: () => current.close(keyboard || inside === true),
      };
      const run = act[event.key];
      if (!run || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      run();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && ref.current?.contains(event.target)) return;
      latest.current.lookup.close(false);
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);

  const add = async (found: WordLookup) => {
    if (!display) return;
    const end = found.start + found.length;
    const canonical = selectionToCanonical(display.map, display.text, found.start, end);
    if (!canonical) return;
    const entry = found.entries[chosen?.entry ?? 0];
    const sense = entry && chosen ? (entry.senses[chosen.sense] ?? '') : (entry?.senses.join('; ') ?? '');
    const { sentence, offset } = sentenceAround(display.text, found.start, end);
    setSaving(true);
    const saved = await pizhu.addVocabulary({
      paragraphId: state.place.paragraphId,
      start: canonical.start,
      end: canonical.end,
      word: found.word,
      reading: entry?.pinyin ?? '',
      sense,
      sentence,
      sentenceOffset: offset,
    });
    setSaving(false);
    if (!saved.ok) return setSaveError(saved.error.message);
    noteVocabularyChanged();
    showToast(t('added', { word: found.word }), true);
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={t('title', { word: result?.word ?? '' })}
      className="popover dictionary-popup"
      style={{ top: place.top, left: state.anchor.left, maxHeight: place.maxHeight }}
      tabIndex={-1}
    >
      {result === undefined && !error && <p className="muted">{t('looking')}</p>}
      {error && <p role="alert">{error}</p>}
      {result === null && !error && <p className="muted">{t('noWord')}</p>}
      {result && (
        <>
          <p className="dictionary-word" lang={lang}>
            {result.word}
          </p>
          {result.entries.map((entry, i) => (
            <Entry
              key={`${entry.traditional}|${entry.pinyinNumbered}|${i}`}
              entry={entry}
              chosenSense={chosen?.entry === i ? chosen.sense : null}
              onChoose={(sense) =>
                setChosen(chosen?.entry === i && chosen.sense === sense ? null : { entry: i, sense })
              }
            />
          ))}
          <section aria-label={t('regional')}>
            <h3 className="dictionary-heading">{t('regional')}</h3>
            <dl className="dictionary-regional">
              {regionalKeys.map((key) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd lang={key === 'mainland' ? 'zh-Hans' : key === 'hongkong' ? 'zh-Hant-HK' : 'zh-Hant-TW'}>
                    {result.regional[key]}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          {saveError && <p role="alert">{saveError}</p>}
          <div className="popover-actions dictionary-actions">
            <button type="button" className="button" disabled={saving} onClick={() => void add(result)}>
              {t('add')}
            </button>
          </div>
          <p className="dictionary-keys muted">{t('keys')}</p>
        </>
      )}
      <p className="dictionary-attribution muted">{t('attribution')}</p>
    </div>
  );
}

function Entry({
  entry,
  chosenSense,
  onChoose,
}: {
  entry: DictionaryEntry;
  chosenSense: number | null;
  onChoose: (sense: number) => void;
}) {
  const t = useMessages(dictionaryMessages);
  const both = entry.simplified === entry.traditional ? entry.simplified : `${entry.simplified} / ${entry.traditional}`;
  return (
    <section className="dictionary-entry" aria-label={`${both} ${entry.pinyin}`}>
      <p className="dictionary-headwords">
        <span lang="zh-Hans">{entry.simplified}</span>
        {entry.traditional !== entry.simplified && <span lang="zh-Hant"> {entry.traditional}</span>}
      </p>
      <p className="dictionary-readings">
        <span title={t('pinyin')}>{entry.pinyin}</span>
        <span title={t('zhuyin')} lang="zh-Hant-TW" className="dictionary-zhuyin">
          {entry.zhuyin}
        </span>
      </p>
      <ol className="dictionary-senses" aria-label={t('senses')}>
        {entry.senses.map((sense, i) => (
          <li key={i}>
            <button
              type="button"
              className="dictionary-sense"
              aria-pressed={chosenSense === i}
              title={t('chooseSense')}
              onClick={() => onChoose(i)}
            >
              {sense}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
