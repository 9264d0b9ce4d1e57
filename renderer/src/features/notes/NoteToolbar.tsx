import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND } from 'lexical';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { LinkForm } from './LinkForm';
import { noteMessages } from './messages';
import { toggleList, toggleQuote } from './noteCommands';
import { BulletListIcon, LinkIcon, NumberListIcon, QuoteIcon } from './NoteToolbarIcons';
import { useSelectionFormat } from './useSelectionFormat';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const shortcut = (key: string) => (isMac ? `⌘${key}` : `Ctrl+${key}`);

/** Bold, italic, lists, quote and link for the note; arrow keys move along it as in any toolbar. */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext();
  const t = useMessages(noteMessages);
  const format = useSelectionFormat(editor);
  const [linkOpen, setLinkOpen] = useState(false);

  const run = (action: () => void) => {
    action();
    editor.focus();
  };

  return (
    <div className="note-toolbar-area">
      <div role="toolbar" aria-label={t('toolbar')} className="note-toolbar" onKeyDown={moveAlongToolbar}>
        <ToolButton
          label={t('bold')}
          title={`${t('bold')} (${shortcut('B')})`}
          keys="Control+B Meta+B"
          pressed={format.bold}
          onPress={() => run(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'))}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          label={t('italic')}
          title={`${t('italic')} (${shortcut('I')})`}
          keys="Control+I Meta+I"
          pressed={format.italic}
          onPress={() => run(() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'))}
        >
          <i className="note-italic-glyph">I</i>
        </ToolButton>
        <span className="note-toolbar-gap" aria-hidden="true" />
        <ToolButton
          label={t('bulletList')}
          pressed={format.block === 'bullet'}
          onPress={() => run(() => toggleList(editor, 'bullet', format.block))}
        >
          <BulletListIcon />
        </ToolButton>
        <ToolButton
          label={t('numberList')}
          pressed={format.block === 'number'}
          onPress={() => run(() => toggleList(editor, 'number', format.block))}
        >
          <NumberListIcon />
        </ToolButton>
        <ToolButton
          label={t('quote')}
          pressed={format.block === 'quote'}
          onPress={() => run(() => toggleQuote(editor))}
        >
          <QuoteIcon />
        </ToolButton>
        <ToolButton label={t('link')} pressed={format.link !== null} onPress={() => setLinkOpen((open) => !open)}>
          <LinkIcon />
        </ToolButton>
      </div>
      {linkOpen && (
        <LinkForm
          key={format.link ?? ''}
          editor={editor}
          current={format.link}
          onDone={() => {
            setLinkOpen(false);
            editor.focus();
          }}
        />
      )}
    </div>
  );
}

interface ToolButtonProps {
  label: string;
  title?: string;
  keys?: string;
  pressed: boolean;
  onPress: () => void;
  children: ReactNode;
}

function ToolButton({ label, title, keys, pressed, onPress, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="note-tool"
      aria-label={label}
      title={title ?? label}
      aria-keyshortcuts={keys}
      aria-pressed={pressed}
      // Keeps the editor's selection: a mouse press would otherwise move focus off the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPress}
    >
      {children}
    </button>
  );
}

function moveAlongToolbar(event: KeyboardEvent<HTMLDivElement>) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const buttons = [...event.currentTarget.querySelectorAll('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
  next?.focus();
  event.preventDefault();
}
