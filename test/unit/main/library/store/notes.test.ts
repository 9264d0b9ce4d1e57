import fs from 'node:fs';
import path from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot, $isTextNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteContent } from '../../../../../main/library/annotations/noteOperations';
import type { Backup, BackupNote } from '../../../../../main/library/export/backupFormat';
import type { Note } from '../../../../../preload/contract/annotationTypes';
import { noteNodes, noteTransformers } from '../../../../../preload/common/noteNodes';
import {
  annotationRows,
  bodyParagraphs,
  openSeededLibrary,
  seedArticle,
  type SeededLibrary,
} from '../../../../support/seededLibrary';

let seeded: SeededLibrary;
beforeEach(async () => {
  seeded = await openSeededLibrary();
});
afterEach(() => seeded.dispose());

function content(paragraphId: number, text: string): NoteContent {
  const editorState = JSON.stringify({
    root: { children: [{ type: 'paragraph', children: [{ type: 'text', text }] }], type: 'root' },
  });
  return { paragraphId, editorState, plainText: text, markdown: text };
}

describe('notes', () => {
  it('are saved one per paragraph and come back after a restart, in paragraph order', async () => {
    const article = seedArticle(seeded.library, '002');
    const [p1, p2] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    const second = annotations.saveNote(content(p2!.id, '第二段的批注:**重点**'));
    const first = annotations.saveNote(content(p1!.id, '第一段'));
    expect(first).toEqual({ ...content(p1!.id, '第一段'), updatedAt: '2026-11-23T10:00:00.000Z' });
    const library = await seeded.reopen();
    expect(library.annotations.getNote(p2!.id)).toEqual(second);
    expect(library.getArticle(article.id).notes).toEqual([first, second]);
  });

  it('a second save replaces the paragraph note, it does not add one', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '003'));
    const { annotations } = seeded.library;
    annotations.saveNote(content(p!.id, '初稿'));
    expect(annotations.saveNote(content(p!.id, '定稿'))).toMatchObject({ plainText: '定稿' });
    expect(annotationRows(seeded.library.database()).note).toHaveLength(1);
  });

  it('saving a blank note deletes it; a blank save with no note changes nothing', () => {
    const article = seedArticle(seeded.library, '004');
    const [p, q] = bodyParagraphs(article);
    const { annotations } = seeded.library;
    annotations.saveNote(content(p!.id, '要删掉的'));
    expect(annotations.saveNote(content(p!.id, '  \n '))).toBeNull();
    expect(annotations.getNote(p!.id)).toBeNull();
    expect(seeded.library.getArticle(article.id).notes).toEqual([]);
    const before = annotationRows(seeded.library.database());
    expect(annotations.saveNote(content(q!.id, ''))).toBeNull();
    expect(annotationRows(seeded.library.database())).toEqual(before);
  });

  it('a note on a paragraph that does not exist is refused as not-found', () => {
    expect(() => seeded.library.annotations.saveNote(content(999_999, 'x'))).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(() => seeded.library.annotations.getNote(999_999)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('count in the article summary', () => {
    const article = seedArticle(seeded.library, '000');
    const [p] = bodyParagraphs(article);
    seeded.library.annotations.saveNote(content(p!.id, '一条'));
    expect(seeded.library.listArticles().find((a) => a.id === article.id)?.noteCount).toBe(1);
  });
});

/** What the note editor shows for a stored note: its state parsed exactly as Lexical does, no fallback. */
function shownByEditor(note: Note) {
  const editor = createHeadlessEditor({
    nodes: [...noteNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(note.editorState));
  return editor.read(() => ({
    editorState: JSON.stringify(editor.getEditorState().toJSON()),
    plainText: $getRoot().getTextContent(),
    markdown: $convertToMarkdownString(noteTransformers),
    bold: $getRoot()
      .getAllTextNodes()
      .filter((n) => $isTextNode(n) && n.hasFormat('bold'))
      .map((n) => n.getTextContent()),
  }));
}

describe('notes from a backup whose editor state is not Lexical state', () => {
  const unreadable = [
    '',
    '{}',
    'null',
    'not json',
    '{"root":{"children":[]}}',
    '{"root":{"children":[{"type":"text","text":"x","version":1}]}}',
    '{"root":{"children":[{"type":"heading","tag":"h1","children":[],"version":1}]}}',
  ];

  /** Backs the library up, lets `edit` change the file, and merges it back in. */
  function importEdited(edit: (backup: Backup) => void) {
    const file = path.join(seeded.dir, 'edited-backup.json');
    seeded.library.exportBackup(file);
    const backup = JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
    edit(backup);
    fs.writeFileSync(file, JSON.stringify(backup));
    return seeded.library.importBackup(file);
  }

  function bodyNotesOf(backup: Backup, prefix: string) {
    const article = backup.articles.find((a) => a.fileName?.startsWith(prefix));
    if (!article) throw new Error(`seed ${prefix} is not in the backup`);
    return article.paragraphs.filter((p) => p.kind === 'body' && p.text.length >= 40);
  }

  const note = (editorState: string, text: string, markdown = text): BackupNote => ({
    editorState,
    plainText: text,
    markdown,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('are stored with a state the editor shows their words from, and a first autosave keeps them', () => {
    const article = seedArticle(seeded.library, '001');
    const paragraphs = bodyParagraphs(article);
    const texts = unreadable.map((_, i) => `备份里的笔记${i}\n\n第二段${i}`);
    const counts = importEdited((backup) => {
      const bodies = bodyNotesOf(backup, '001');
      unreadable.forEach((state, i) => {
        bodies[i]!.note = note(state, texts[i]!);
      });
    });
    expect(counts.notesAdded).toBe(unreadable.length);

    unreadable.forEach((_, i) => {
      const stored = seeded.library.annotations.getNote(paragraphs[i]!.id)!;
      expect(stored.plainText).toBe(texts[i]);
      const shown = shownByEditor(stored);
      expect(shown.plainText).toBe(texts[i]);
      // The editor's first autosave sends what it shows: the words stay.
      expect(seeded.library.annotations.saveNote({ paragraphId: paragraphs[i]!.id, ...shown })?.plainText).toBe(
        texts[i],
      );
    });
  });

  it('keep their Markdown formatting, and words held only in a state that is not JSON', () => {
    const [formatted, onlyState] = bodyParagraphs(seedArticle(seeded.library, '002'));
    importEdited((backup) => {
      const bodies = bodyNotesOf(backup, '002');
      bodies[0]!.note = note('{}', '要点 重点', '要点 **重点**');
      bodies[1]!.note = note('只在编辑器状态里的字', '', '');
    });
    const first = seeded.library.annotations.getNote(formatted!.id)!;
    expect(shownByEditor(first)).toMatchObject({ plainText: '要点 重点', bold: ['重点'] });
    expect(first.markdown).toBe('要点 **重点**');
    const second = seeded.library.annotations.getNote(onlyState!.id)!;
    expect(second.plainText).toBe('只在编辑器状态里的字');
    expect(shownByEditor(second).plainText).toBe('只在编辑器状态里的字');
  });

  it('joined to a note the library has: the editor shows both, and an autosave keeps both', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '003'));
    seeded.library.annotations.saveNote(content(p!.id, '库里原有的笔记'));
    const counts = importEdited((backup) => {
      bodyNotesOf(backup, '003')[0]!.note = note('', '备份带来的笔记');
    });
    expect(counts.notesJoined).toBe(1);
    const joined = seeded.library.annotations.getNote(p!.id)!;
    const shown = shownByEditor(joined);
    expect(shown.plainText).toBe('库里原有的笔记\n\n备份带来的笔记');
    const saved = seeded.library.annotations.saveNote({ paragraphId: p!.id, ...shown });
    expect(saved?.plainText).toBe('库里原有的笔记\n\n备份带来的笔记');
  });

  it('a readable note comes in exactly as the backup holds it', () => {
    const [p] = bodyParagraphs(seedArticle(seeded.library, '004'));
    const state = content(0, '读得懂的笔记').editorState;
    importEdited((backup) => {
      bodyNotesOf(backup, '004')[0]!.note = note(state, '读得懂的笔记', '读得懂的**笔记**');
    });
    expect(seeded.library.annotations.getNote(p!.id)).toMatchObject({
      editorState: state,
      plainText: '读得懂的笔记',
      markdown: '读得懂的**笔记**',
    });
  });
});
