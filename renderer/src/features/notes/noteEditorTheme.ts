import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on what it renders; styled in notes.css with the theme variables. */
export const noteEditorTheme: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  quote: 'note-quote',
  link: 'note-link',
  list: {
    ul: 'note-list note-list-bullet',
    ol: 'note-list note-list-number',
    listitem: 'note-list-item',
    nested: { listitem: 'note-list-nested' },
  },
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline' },
};
