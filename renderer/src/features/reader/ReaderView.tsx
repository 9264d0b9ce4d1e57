import type { OffsetRange } from '../../../../preload/common/offsetMap';
import { useSearchMatchMarks } from './useSearchMatchMarks';
import { useCallback, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { Highlight, Note } from '../../../../preload/contract/annotationTypes';
import type { ArticleView, ParagraphView } from '../../../../preload/contract/articleTypes';
import { maxOverrideTermLength } from '../../../../preload/contract/termOverrideTypes';
import { HighlightPopover } from '../annotate/HighlightPopover';
import { KeyboardSelection } from '../annotate/KeyboardSelection';
import { useHighlightGroupHover } from '../annotate/useHighlightGroupHover';
import { SelectionToolbar } from '../annotate/SelectionToolbar';
import { useAnnotationActions } from '../annotate/useAnnotationActions';
import type { NoteQuote } from '../notes/NoteQuotePlugin';
import { useHighlightPopover } from '../annotate/useHighlightPopover';
import { useTextSelection, type PendingSelection } from '../annotate/useTextSelection';
import { useTermOverrides } from '../overrides/overridesStore';
import { VariantPanel } from '../overrides/VariantPanel';
import { usePreferences } from '../preferences/PreferencesContext';
import { AnnotationsSidebar } from '../sidebar/AnnotationsSidebar';
import { useSidebarOpen } from '../sidebar/sidebarStore';
import { useNavigation } from '../../state/Navigation';
import { ArticleHeader } from './ArticleHeader';
import { CoderFilter, makerShown } from '../team/CoderFilter';
import { MakerColorsContext, useHiddenMakers, useMembers, type MakerColors } from '../team/membersStore';
import { displayLang, displayParagraphs, displayText, type DisplayOptions } from './displayText';
import { groupHiddenRuns } from './groupHiddenRuns';
import { OrphanHighlights } from './OrphanHighlights';
import { UnplacedNotes } from './UnplacedNotes';
import { ParagraphBlock, type ParagraphHandlers } from './ParagraphBlock';
import { ParagraphRuns } from './ParagraphRuns';
import { useParagraphFocus } from './useParagraphFocus';
import { useReaderKeys } from './useReaderKeys';
import { useReaderDictionary } from '../dictionary/useReaderDictionary';
import { shownLocale } from '../../../../preload/common/readingAids';
import { useParagraphReadings } from '../reading/useParagraphReadings';
import { useReadingAid } from '../reading/useReadingAid';
import { useReadingPosition } from './useReadingPosition';
import { usePrepareConverters, useScriptMode } from './useScriptMode';

interface Props {
  article: ArticleView;
  setArticle: Dispatch<SetStateAction<ArticleView | null>>;
  focusParagraphId: number | null;
  focusMatches: readonly OffsetRange[] | null;
  onError: (message: string) => void;
}

const noHighlights: readonly Highlight[] = [];

/** The article as a person reads and codes it. */
export function ReaderView({ article, setArticle, focusParagraphId, focusMatches, onError }: Props) {
  const { preferences } = usePreferences();
  const { mode, setMode, cycleMode } = useScriptMode(article.id);
  usePrepareConverters(article.script, article.region);
  const overrides = useTermOverrides();
  const options = useMemo<DisplayOptions>(
    () => ({
      script: article.script,
      region: article.region,
      mode,
      fullWidthPunctuation: preferences.fullWidthPunctuation,
      overrides,
    }),
    [article.script, article.region, mode, preferences.fullWidthPunctuation, overrides],
  );
  const display = useMemo(() => displayParagraphs(article.paragraphs, options), [article.paragraphs, options]);
  const displayLine = useCallback((text: string) => displayText(text, options).text, [options]);
  const actions = useAnnotationActions(article.id, setArticle, onError);
  const sidebarOpen = useSidebarOpen();
  const { openArticle } = useNavigation();

  const articleRef = useRef<HTMLElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const selection = useTextSelection(articleRef, toolbarRef, (id) => display.get(id));
  const popover = useHighlightPopover(articleRef, article.highlights);
  useHighlightGroupHover(articleRef);
  useReadingPosition(articleRef, article, focusParagraphId);
  useSearchMatchMarks(articleRef, focusParagraphId, focusMatches, display);
  const dictionary = useReaderDictionary(articleRef, display, displayLang(article.script, mode));

  const { metadata } = article;
  const shown = useMemo(
    // Title and subtitle are shown once, in the header.
    () =>
      article.paragraphs.filter(
        (p) =>
          !(p.kind === 'title' && p.text.trim() === metadata.title) &&
          !(p.kind === 'subtitle' && p.text.trim() === metadata.subtitle),
      ),
    [article.paragraphs, metadata.title, metadata.subtitle],
  );
  const jumpKind = article.paragraphs.find((p) => p.id === focusParagraphId)?.kind;
  const [showHidden, setShowHidden] = useState(jumpKind === 'boilerplate');
  const visibleIds = useMemo(
    () => shown.filter((p) => showHidden || p.kind !== 'boilerplate').map((p) => p.id),
    [shown, showHidden],
  );
  const focus = useParagraphFocus(articleRef, visibleIds, focusParagraphId);
  const { aid: readingAid } = useReadingAid(article.id);
  const rubiesOf = useParagraphReadings(
    display,
    visibleIds,
    readingAid,
    shownLocale(article.script, article.region, mode),
    onError,
  );
  const [noteOpen, setNoteOpen] = useState<ReadonlySet<number>>(() => new Set());
  const [taggingId, setTaggingId] = useState<number | null>(null);
  const [noteQuote, setNoteQuote] = useState<{ paragraphId: number; quote: NoteQuote } | null>(null);

  // A jump to a hidden paragraph shows the hidden lines first.
  const [lastJump, setLastJump] = useState(focusParagraphId);
  if (lastJump !== focusParagraphId) {
    setLastJump(focusParagraphId);
    if (jumpKind === 'boilerplate') setShowHidden(true);
  }

  const { set: setFocus, returnFocus } = focus;
  const handlers = useMemo<ParagraphHandlers>(
    () => ({
      focus: setFocus,
      setTagging: (id) => {
        setTaggingId(id);
        if (id === null) returnFocus();
      },
      setNoteOpen: (id, open) =>
        setNoteOpen((s) => {
          const next = new Set(s);
          if (open) next.add(id);
          else next.delete(id);
          return next;
        }),
      actions,
    }),
    [setFocus, returnFocus, actions],
  );

  // Team work (#19): the coders whose highlights are shown, and each maker's colour on their marks.
  const members = useMembers(article.highlights);
  const hiddenMakers = useHiddenMakers();
  const makerColors = useMemo<MakerColors>(
    () => (members.length < 2 ? null : new Map(members.map((m) => [m.uid, { name: m.name, color: m.color }]))),
    [members],
  );
  // The sidebar lists what the reader shows: the filtered coders' highlights are left out there too.
  const shownArticle = useMemo(
    () =>
      hiddenMakers.size === 0
        ? article
        : { ...article, highlights: article.highlights.filter((h) => makerShown(hiddenMakers, members, h.madeBy)) },
    [article, hiddenMakers, members],
  );
  const byParagraph = useMemo(() => {
    const highlights = new Map<number, Highlight[]>();
    const orphans: Highlight[] = [];
    for (const h of article.highlights) {
      if (!makerShown(hiddenMakers, members, h.madeBy)) continue;
      if (h.paragraphId === null || h.start === null) orphans.push(h);
      else {
        const list = highlights.get(h.paragraphId);
        if (list) list.push(h);
        else highlights.set(h.paragraphId, [h]);
      }
    }
    const notes = new Map<number, Note>(article.notes.map((n) => [n.paragraphId, n]));
    return { highlights, orphans, notes };
  }, [article.highlights, article.notes, hiddenMakers, members]);

  const pending = selection.pending;
  // The selection whose toolbar was opened on its tag field by `t`.
  const [taggingSelection, setTaggingSelection] = useState<string | null>(null);
  // The variant panel's word: as shown, and as stored (what an override matches).
  const [variantsOf, setVariantsOf] = useState<{ word: string; source: string } | null>(null);
  const variantWord = (target: PendingSelection | null) => {
    if (!target || target.ranges.length !== 1) return null;
    const source = article.paragraphs.find((p) => p.id === target.paragraphId)?.text.slice(target.start, target.end) ?? '';
    return source !== '' && source.length <= maxOverrideTermLength && !/\s/u.test(source)
      ? { word: target.text, source }
      : null;
  };
  const openVariants = (target: PendingSelection | null) => {
    const found = variantWord(target);
    if (!found) return;
    selection.clear();
    setVariantsOf(found);
  };

  const highlightSelection = (color: Highlight['color'], tags?: string[], target = pending) => {
    if (!target) return;
    selection.clear();
    // Over several paragraphs: one highlight each, linked as one group (one undo step).
    if (target.ranges.length > 1) void actions.createHighlightGroup({ ranges: target.ranges, color, tags });
    else
      void actions.createHighlight({
        paragraphId: target.paragraphId,
        start: target.start,
        end: target.end,
        color,
        tags,
      });
  };

  useReaderKeys({
    j: () => focus.move(1),
    k: () => focus.move(-1),
    h: () => highlightSelection('yellow', undefined, selection.readNow() ?? pending),
    t: () => {
      // A selection is tagged as a highlight; without one, the current paragraph is.
      const selected = selection.readNow() ?? pending;
      if (selected) {
        setTaggingSelection(selectionKey(selected));
        return;
      }
      const id = focus.current();
      if (id === null) return;
      setFocus(id);
      setTaggingId(id);
    },
    n: () => {
      const id = focus.current();
      if (id === null) return;
      setFocus(id);
      handlers.setNoteOpen(id, !noteOpen.has(id));
    },
    m: cycleMode,
    c: () => openVariants(selection.readNow() ?? pending),
    d: () => dictionary.lookUpHere(selection.readNow() ?? pending, focus.current()),
    Escape: () => {
      if (popover.popover) popover.close(true);
      else if (taggingId !== null) handlers.setTagging(null);
      else if (pending) selection.clear();
    },
  });

  const lang = displayLang(article.script, mode);
  const hiddenCount = article.paragraphs.filter((p) => p.kind === 'boilerplate').length;
  const renderParagraph = (p: ParagraphView) => {
    const d = display.get(p.id);
    if (!d) return null;
    return (
      <ParagraphBlock
        key={p.id}
        paragraph={p}
        display={d}
        highlights={byParagraph.highlights.get(p.id) ?? noHighlights}
        tags={article.paragraphTags[p.id] ?? []}
        note={byParagraph.notes.get(p.id) ?? null}
        focused={focus.id === p.id}
        flash={focusParagraphId === p.id}
        noteOpen={noteOpen.has(p.id)}
        noteQuote={noteQuote?.paragraphId === p.id ? noteQuote.quote : null}
        tagging={taggingId === p.id}
        handlers={handlers}
        rubies={rubiesOf(p.id, d)}
      />
    );
  };

  return (
    <article
      ref={articleRef}
      className={readingAid ? `article reading-aid-on reading-aid-${readingAid.script}` : 'article'}
      lang={lang}
      aria-labelledby="article-title"
    >
      <ArticleHeader
        article={article}
        display={displayLine}
        mode={mode}
        onMode={setMode}
        hiddenCount={hiddenCount}
        showHidden={showHidden}
        onToggleHidden={() => setShowHidden((v) => !v)}
        onArticle={(view) => setArticle(view)}
        onError={onError}
      />
      {makerColors && <CoderFilter members={members} highlights={article.highlights} />}
      <MakerColorsContext.Provider value={makerColors}>
        <ParagraphRuns
          runs={groupHiddenRuns(shown)}
          showHidden={showHidden}
          onShowHidden={() => setShowHidden(true)}
          renderParagraph={renderParagraph}
          onOpenHighlight={popover.openFrom}
        />
      </MakerColorsContext.Provider>
      <KeyboardSelection rootRef={articleRef} currentParagraph={focus.current} />
      <OrphanHighlights orphans={byParagraph.orphans} display={displayLine} onOpen={popover.openFrom} />
      <UnplacedNotes
        articleId={article.id}
        unplaced={article.unplaced}
        // Those the person sees: one placed on a hidden paragraph would not be seen where it went.
        paragraphs={shown.filter((p) => showHidden || p.kind !== 'boilerplate')}
        display={displayLine}
        onUnplaced={(unplaced) => setArticle((a) => (a && a.id === article.id ? { ...a, unplaced } : a))}
        onArticle={(view) => setArticle((a) => (a && a.id === view.id ? view : a))}
        onError={onError}
      />
      {sidebarOpen && (
        <AnnotationsSidebar
          article={shownArticle}
          articleRef={articleRef}
          display={displayLine}
          saveComment={actions.commentHighlight}
          reveal={(paragraphId) => void openArticle(article.id, paragraphId)}
        />
      )}
      {pending && (
        <SelectionToolbar
          key={`${selectionKey(pending)}:${taggingSelection === selectionKey(pending)}`}
          ref={toolbarRef}
          selection={pending}
          startTagging={taggingSelection === selectionKey(pending)}
          onHighlight={highlightSelection}
          onNote={() => {
            // The passage is kept twice: highlighted, and quoted in the paragraph's note to write under.
            const source = article.paragraphs.find((p) => p.id === pending.paragraphId);
            const text = source ? displayLine(source.text.slice(pending.start, pending.end)) : '';
            highlightSelection('yellow');
            if (text.trim() !== '')
              setNoteQuote({ paragraphId: pending.paragraphId, quote: { text, token: Date.now() } });
            handlers.setNoteOpen(pending.paragraphId, true);
          }}
          onCancel={selection.clear}
          onVariants={variantWord(pending) ? () => openVariants(pending) : undefined}
        />
      )}
      {dictionary.popup}
      {variantsOf && (
        <VariantPanel
          word={variantsOf.word}
          source={variantsOf.source}
          script={article.script}
          region={article.region}
          mode={mode}
          onClose={() => setVariantsOf(null)}
        />
      )}
      {popover.popover && (
        <HighlightPopover
          highlight={popover.popover.highlight}
          overlapping={popover.popover.overlapping}
          anchor={popover.popover.anchor}
          quote={displayLine(groupQuote(article.highlights, popover.popover.highlight))}
          display={displayLine}
          actions={actions}
          onSwitch={popover.switchTo}
          onClose={popover.close}
        />
      )}
    </article>
  );
}

/** Names a selection: the toolbar starts afresh for a new one. */
function selectionKey(s: PendingSelection): string {
  return s.ranges.map((r) => `${r.paragraphId}:${r.start}:${r.end}`).join(' ');
}

/** A highlight's quote; for a member of a group, the whole group's, paragraph by paragraph. */
function groupQuote(highlights: readonly Highlight[], h: Highlight): string {
  if (h.groupId === null) return h.quote;
  return highlights
    .filter((x) => x.groupId === h.groupId)
    .map((x) => x.quote)
    .join('\n');
}
