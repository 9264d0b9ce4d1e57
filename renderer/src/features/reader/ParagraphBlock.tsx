import { memo } from 'react';
import type { RubyWord } from '../../../../preload/common/readingAids';
import type { Highlight, Note } from '../../../../preload/contract/annotationTypes';
import type { ParagraphKind, ParagraphView } from '../../../../preload/contract/articleTypes';
import { useMessages } from '../../i18n/useMessages';
import { HighlightedText } from '../annotate/HighlightedText';
import { HighlightTagChips } from '../annotate/HighlightTagChips';
import { TagInput } from '../annotate/TagInput';
import type { AnnotationActions } from '../annotate/useAnnotationActions';
import { NoteEditor } from '../notes/NoteEditor';
import { NoteIndicator } from '../notes/NoteIndicator';
import type { NoteQuote } from '../notes/NoteQuotePlugin';
import type { DisplayText } from './displayText';
import { readerMessages } from './messages';
import { ParagraphMenu } from './ParagraphMenu';
import { useTagScript } from '../tags/useTagScript';

/** What a paragraph can ask of the reader; one stable object, so unchanged paragraphs skip re-rendering. */
export interface ParagraphHandlers {
  focus: (paragraphId: number) => void;
  setTagging: (paragraphId: number | null) => void;
  setNoteOpen: (paragraphId: number, open: boolean) => void;
  actions: AnnotationActions;
}

interface Props {
  paragraph: ParagraphView;
  display: DisplayText;
  highlights: readonly Highlight[];
  tags: readonly string[];
  note: Note | null;
  focused: boolean;
  /** Just jumped to: marked briefly. */
  flash: boolean;
  noteOpen: boolean;
  /** A passage to quote into the note as it opens (the selection toolbar's Note). */
  noteQuote?: NoteQuote | null;
  tagging: boolean;
  handlers: ParagraphHandlers;
  /** The reading aid's pinyin or zhuyin over this paragraph's words, when on and read. */
  rubies?: readonly RubyWord[];
}

const noTags: readonly string[] = [];

export const ParagraphBlock = memo(function ParagraphBlock({
  paragraph: p,
  display,
  highlights,
  tags = noTags,
  note,
  focused,
  flash,
  noteOpen,
  noteQuote = null,
  tagging,
  handlers,
  rubies,
}: Props) {
  const t = useMessages(readerMessages);
  const shownTag = useTagScript();
  const Text = p.kind === 'heading' || p.kind === 'title' ? 'h3' : 'p';
  let className = `paragraph kind-${p.kind}`;
  if (flash) className += ' paragraph-flash';
  const { actions } = handlers;

  return (
    <div
      className={className}
      data-paragraph-id={p.id}
      data-order={p.order}
      data-kind={p.kind}
      aria-current={focused ? 'true' : undefined}
      tabIndex={-1}
      onClick={() => handlers.focus(p.id)}
    >
      <div className="paragraph-gutter">
        <ParagraphMenu
          kind={p.kind}
          tabbable={focused}
          onTag={() => handlers.setTagging(p.id)}
          onNote={() => handlers.setNoteOpen(p.id, true)}
          onKind={(kind: ParagraphKind) => void actions.reclassify(p.id, kind)}
        />
      </div>
      <Text className="paragraph-text" data-paragraph-text={p.id}>
        <HighlightedText text={display.text} map={display.map} highlights={highlights} rubies={rubies} />
      </Text>
      {/* What is on the paragraph, seen without opening anything: its highlights' tags and its note's first line. */}
      <HighlightTagChips highlights={highlights} text={display.text} map={display.map} />
      {note && !noteOpen && (
        <NoteIndicator plainText={note.plainText} onOpen={() => handlers.setNoteOpen(p.id, true)} />
      )}
      {p.flags.length > 0 && (
        <ul className="flags" aria-label={t('cleaningNotes')}>
          {p.flags.map((flag) => (
            <li key={flag} className={`flag flag-${flag}`} title={t(`flagExplanation.${flag}`)}>
              {t(`flag.${flag}`)}
            </li>
          ))}
        </ul>
      )}
      {(tags.length > 0 || tagging) && (
        <div className="paragraph-tags">
          {tags.length > 0 && (
            <ul className="tag-chips" aria-label={t('paragraphTags')}>
              {tags.map((tag) => (
                <li key={tag} className="tag-chip">
                  <span title={tag}>#{shownTag(tag)}</span>
                  <button
                    type="button"
                    aria-label={t('removeTag', { tag: shownTag(tag) })}
                    onClick={() => void actions.untagParagraph(p.id, tag)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {tagging && (
            // Stays open for the next tag, as the highlight popover's does; Escape closes it.
            <TagInput
              onSubmit={(tag) => void actions.tagParagraph(p.id, tag)}
              onCancel={() => handlers.setTagging(null)}
            />
          )}
        </div>
      )}
      {noteOpen && (
        <NoteEditor
          paragraphId={p.id}
          note={note}
          quote={noteQuote}
          onSaved={(saved) => actions.noteSaved(p.id, saved, note !== null)}
          onClose={() => handlers.setNoteOpen(p.id, false)}
        />
      )}
    </div>
  );
});
