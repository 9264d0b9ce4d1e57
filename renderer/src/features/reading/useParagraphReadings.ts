import { useEffect, useState } from 'react';
import type { Conversion, OpenccLocale } from '../../../../preload/common/createConverter';
import { placeReadings, readingTextOf, type ReadingAid, type RubyWord } from '../../../../preload/common/readingAids';
import {
  maxReadingTextLength,
  maxReadingTexts,
  maxReadingTotalLength,
  type ReadingWord,
} from '../../../../preload/contract/readingTypes';
import { pizhu } from '../../api/pizhuClient';
import type { DisplayText } from '../reader/displayText';
import { useVocabularyVersion } from './vocabularyVersion';

/** The readings placed on one paragraph's shown text; used only while that text is still the one shown. */
interface Placed {
  display: DisplayText;
  aid: ReadingAid;
  words: readonly ReadingWord[];
  rubies: readonly RubyWord[];
}

const han = /\p{Script=Han}/u;
/** The first request is small, so the top of the article gets its readings first. */
const firstBatchLength = 3_000;
/** Characters whose readings are drawn in one frame. */
const placeStepLength = 400;

/** Main's answers by reading text, for the vocabulary as it was when asked: a mode switched back costs nothing. */
const answers = new Map<string, readonly ReadingWord[]>();
let answersFor = '';
const maxAnswers = 20_000;

/**
 * Each shown text's simplified form, for the locale it was read from: converted once per text and
 * mode, not again when the article is fetched again (after every highlight) with the same texts.
 */
const readingTexts = new WeakMap<DisplayText, { locale: OpenccLocale | null; reading: Conversion }>();
function readingOf(shown: DisplayText, locale: OpenccLocale | null): Conversion {
  const known = readingTexts.get(shown);
  if (known?.locale === locale) return known.reading;
  const reading = readingTextOf(shown.text, locale);
  readingTexts.set(shown, { locale, reading });
  return reading;
}

/** Resolves once the frame being prepared has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The reading aid's words for each shown paragraph: their simplified forms sent to main in
 * document order, in parts (the top of the article first), and placed back on the shown text as
 * each part comes. The article is painted first and is never held up by this: without an answer
 * a paragraph shows its plain text.
 */
export function useParagraphReadings(
  display: ReadonlyMap<number, DisplayText>,
  order: readonly number[],
  aid: ReadingAid | null,
  locale: OpenccLocale | null,
  onError: (message: string) => void,
): (paragraphId: number, shown: DisplayText) => readonly RubyWord[] | undefined {
  const [placed, setPlaced] = useState<ReadonlyMap<number, Placed>>(() => new Map());
  const vocabularyVersion = useVocabularyVersion();
  // Only the vocabulary's words depend on the vocabulary: every-word readings need not be asked again.
  const vocabularyKey = aid?.scope === 'unknown' ? String(vocabularyVersion) : 'any';

  useEffect(() => {
    if (aid === null) return;
    if (answersFor !== vocabularyKey || answers.size > maxAnswers) {
      answers.clear();
      answersFor = vocabularyKey;
    }
    let cancelled = false;
    type Item = { id: number; shown: DisplayText; reading: Conversion };
    /** Placed a step at a time, a frame each: a long article's readings never block the page for long. */
    const place = async (items: readonly Item[]) => {
      for (let i = 0; i < items.length && !cancelled; ) {
        const step: Item[] = [];
        for (let length = 0; i < items.length && (step.length === 0 || length < placeStepLength); i++) {
          step.push(items[i]!);
          length += items[i]!.reading.text.length;
        }
        setPlaced((before) => {
          const next = new Map(before);
          let changed = false;
          for (const { id, shown, reading } of step) {
            const words = answers.get(reading.text);
            const old = next.get(id);
            // Placed already (the article fetched again after a highlight): the same array, so the paragraph is not drawn again.
            if (!words || (old && old.display === shown && old.aid === aid && old.words === words)) continue;
            next.set(id, { display: shown, aid, words, rubies: placeReadings(reading, words, aid) });
            changed = true;
          }
          return changed ? next : before;
        });
        if (i < items.length) await afterPaint();
      }
    };
    const run = async () => {
      // After the article's first paint: readings never hold it up, even when all are known already.
      await afterPaint();
      if (cancelled) return;
      const pending: Item[] = [];
      for (const id of order) {
        const shown = display.get(id);
        if (shown && han.test(shown.text)) pending.push({ id, shown, reading: readingOf(shown, locale) });
      }
      await place(pending.filter((p) => answers.has(p.reading.text)));
      const asked = pending.filter(
        (p) => !answers.has(p.reading.text) && p.reading.text.length <= maxReadingTextLength,
      );
      let from = 0;
      let budget = firstBatchLength;
      while (from < asked.length && !cancelled) {
        const batch: typeof asked = [];
        let length = 0;
        while (from < asked.length && batch.length < maxReadingTexts) {
          const next = asked[from]!.reading.text.length;
          if (batch.length > 0 && length + next > Math.min(budget, maxReadingTotalLength)) break;
          batch.push(asked[from]!);
          length += next;
          from++;
        }
        budget = maxReadingTotalLength;
        const result = await pizhu.readingWords({ texts: batch.map((p) => p.reading.text) });
        if (cancelled) return;
        if (!result.ok) return onError(result.error.message);
        batch.forEach((p, i) => answers.set(p.reading.text, result.value[i] ?? []));
        await place(batch);
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [display, order, aid, locale, vocabularyKey, onError]);

  return (paragraphId, shown) => {
    if (aid === null) return undefined;
    const p = placed.get(paragraphId);
    return p && p.display === shown && p.aid === aid ? p.rubies : undefined;
  };
}
