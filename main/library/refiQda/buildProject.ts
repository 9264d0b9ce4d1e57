import os from 'node:os';
import type { QdpxExportOptions as QdpxToolOptions } from '../../../preload/contract/api';
import type { TagDescription, TagDescriptionText } from '../../../preload/contract/codebookTypes';
import { normalizeDescription, readTagDescriptions } from '../codebook/tagDescriptions';
import { readArticleMemos, readJournal } from '../memos/readMemos';
import { LibraryError } from '../libraryError';
import { readArticleAnnotations } from '../export/readArticleAnnotations';
import type { Db } from '../store/openDatabase';
import { readLibraryId } from '../store/libraryIdentity';
import { codePointOffsets } from './codePoints';
import { guidMaker, type Guid } from './qdpxGuid';
import { exportVariables } from './qdaVariables';
import { openTag, xmlText } from './xmlText';

/** What other tools are known to require of an export (the contract's), each off by default (the standard's own form). */
export interface QdpxExportOptions extends QdpxToolOptions {
  /** The project's name; defaults to "Pizhu library". */
  projectName?: string;
}

export interface QdpxProject {
  /** The name of the project file inside the archive. */
  qdeName: string;
  xml: string;
  /** `sources/<guid>.txt` → its text. */
  sources: Map<string, string>;
  counts: { sources: number; codes: number; selections: number; notes: number };
}

/** The description Pizhu gives a whole-paragraph selection carrying a paragraph's tags and note, so import gives them back as such. */
export const paragraphSelectionMark = 'Pizhu paragraph';

export interface CodeNode {
  name: string;
  path: string;
  color: string | null;
  description: string | null;
  children: CodeNode[];
}

const namedColors: Record<string, string> = {
  yellow: '#F5D547',
  green: '#7BC67B',
  blue: '#6FA8DC',
  pink: '#F4A6C1',
  purple: '#B39DDB',
  orange: '#F6B26B',
};

/**
 * The library (trash left out) as a REFI-QDA project: each article one TextSource whose plain
 * text is its paragraphs' stored text, one paragraph a line, blank lines between; tags as codes
 * (the `/` levels as the tree); highlights as PlainTextSelections with a Coding per tag, their
 * comments as Notes; a paragraph's tags and note on a selection of the whole paragraph. Positions
 * are code points, end exclusive (REFI-QDA 1.5 §10.2).
 */
export function buildQdpxProject(db: Db, now: string, options: QdpxExportOptions = {}): QdpxProject {
  const guid = guidMaker(readLibraryId(db) ?? 'pizhu');
  const separator = options.crlf ? '\r\n\r\n' : '\n\n';
  const stamp = dateTime(now);
  const userGuid = guid('user', 'local');
  const projectName = options.projectName?.trim() || 'Pizhu library';

  const roots = libraryCodes(db);
  const variables = exportVariables(db, guid);
  const codeGuid = (path: string) => guid('code', path.toLocaleLowerCase('en'));

  const groups = readArticleAnnotations(db, undefined, true);
  const paragraphRows = db
    .prepare(
      `SELECT p.id, p.article_id AS articleId, p.text FROM paragraph p JOIN article a ON a.id = p.article_id
       WHERE a.trashed_at IS NULL ORDER BY p.article_id, p.ord`,
    )
    .all() as Array<{ id: number; articleId: number; text: string }>;
  const paragraphsOf = new Map<number, Array<{ id: number; text: string }>>();
  for (const row of paragraphRows) {
    const list = paragraphsOf.get(row.articleId) ?? [];
    list.push(row);
    paragraphsOf.set(row.articleId, list);
  }

  const notes: string[] = [];
  const addNote = (key: string, name: string, text: string, created = stamp): Guid => {
    const id = guid('note', key);
    notes.push(
      `${openTag('Note', { guid: id, name, creatingUser: userGuid, creationDateTime: created })}` +
        `<PlainTextContent>${xmlText(text)}</PlainTextContent></Note>`,
    );
    return id;
  };

  // Memos (issue #18): an article's is a Note its source refers to, the journal's entries Notes
  // the project refers to (REFI-QDA's notes "that apply to the project as a whole").
  const memos = readArticleMemos(db);
  const journalRefs = readJournal(db)
    .reverse()
    .map((entry) => {
      const created = dateTime(entry.createdAt) ?? stamp;
      const name = `Journal ${entry.createdAt.slice(0, 16).replace('T', ' ')}`;
      return openTag('NoteRef', { targetGUID: addNote(`journal ${entry.id}`, name, entry.markdown, created) }, true);
    });

  const sources = new Map<string, string>();
  const sourceXml: string[] = [];
  let selections = 0;
  for (const group of groups) {
    const article = group.article;
    const paragraphs = paragraphsOf.get(article.id) ?? [];
    // Where each paragraph starts in the source, in UTF-16 units of the joined text.
    const starts = new Map<number, number>();
    let text = '';
    paragraphs.forEach((p, i) => {
      if (i > 0) text += separator;
      starts.set(p.id, text.length);
      text += p.text;
    });
    const points = codePointOffsets(text);
    const at = (paragraphId: number, offset: number) => points[(starts.get(paragraphId) ?? 0) + offset] ?? 0;
    const sourceGuid = guid('source', article.id);
    sources.set(`sources/${sourceGuid}.txt`, text);

    const parts: string[] = [];
    // Members of a highlight group (one selection over several paragraphs) become one selection again.
    const grouped = new Map<string, { start: number; end: number; first: (typeof group.paragraphs)[0]['highlights'][0] }>();
    const selectionsOf: Array<{ start: number; end: number; h: (typeof group.paragraphs)[0]['highlights'][0] }> = [];
    for (const paragraph of group.paragraphs) {
      for (const h of paragraph.highlights) {
        if (h.start === null || h.end === null) continue;
        const start = at(paragraph.id, h.start);
        const end = at(paragraph.id, h.end);
        if (h.groupId !== undefined) {
          const known = grouped.get(h.groupId);
          if (known) {
            known.start = Math.min(known.start, start);
            known.end = Math.max(known.end, end);
            continue;
          }
          const entry = { start, end, first: h };
          grouped.set(h.groupId, entry);
          selectionsOf.push({ start, end, h });
          continue;
        }
        selectionsOf.push({ start, end, h });
      }
    }
    for (const s of selectionsOf) {
      const range = s.h.groupId !== undefined ? (grouped.get(s.h.groupId) ?? s) : s;
      const id = guid('highlight', s.h.groupId ?? s.h.id);
      const created = dateTime(s.h.detail?.createdAt ?? '') ?? stamp;
      const modified = dateTime(s.h.detail?.updatedAt ?? '') ?? created;
      let body = '';
      for (const tag of s.h.tags) {
        body += `${openTag('Coding', { guid: guid('coding', `${id}\u0000${tag.toLocaleLowerCase('en')}`), creatingUser: userGuid, creationDateTime: created })}${openTag('CodeRef', { targetGUID: codeGuid(tag) }, true)}</Coding>`;
      }
      if (s.h.comment !== undefined) body += openTag('NoteRef', { targetGUID: addNote(`comment ${id}`, 'Comment', s.h.comment) }, true);
      parts.push(
        `${openTag('PlainTextSelection', {
          guid: id,
          name: s.h.quote.slice(0, 100),
          startPosition: range.start,
          endPosition: range.end,
          creatingUser: userGuid,
          creationDateTime: created,
          modifyingUser: userGuid,
          modifiedDateTime: modified,
        })}${body}</PlainTextSelection>`,
      );
      selections++;
    }
    for (const paragraph of group.paragraphs) {
      if (paragraph.tags.length === 0 && paragraph.note === null) continue;
      const id = guid('paragraph', paragraph.id);
      let body = `<Description>${paragraphSelectionMark}</Description>`;
      for (const tag of paragraph.tags) {
        body += `${openTag('Coding', { guid: guid('coding', `${id}\u0000${tag.toLocaleLowerCase('en')}`), creatingUser: userGuid, creationDateTime: stamp })}${openTag('CodeRef', { targetGUID: codeGuid(tag) }, true)}</Coding>`;
      }
      if (paragraph.note !== null) body += openTag('NoteRef', { targetGUID: addNote(`paragraph ${paragraph.id}`, 'Note', paragraph.note) }, true);
      parts.push(
        `${openTag('PlainTextSelection', {
          guid: id,
          name: paragraph.text.slice(0, 100),
          startPosition: at(paragraph.id, 0),
          endPosition: at(paragraph.id, paragraph.text.length),
          creatingUser: userGuid,
          creationDateTime: stamp,
        })}${body}</PlainTextSelection>`,
      );
      selections++;
    }
    const memo = memos.get(article.id);
    if (memo) {
      const created = dateTime(memo.createdAt) ?? stamp;
      parts.push(openTag('NoteRef', { targetGUID: addNote(`memo ${article.id}`, 'Memo', memo.markdown, created) }, true));
    }
    sourceXml.push(
      `${openTag('TextSource', {
        guid: sourceGuid,
        name: article.title,
        plainTextPath: `internal://${sourceGuid}.txt`,
        creatingUser: userGuid,
        creationDateTime: stamp,
      })}${parts.join('')}${variables.valuesOf(article.id)}</TextSource>`,
    );
  }

  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    openTag('Project', {
      xmlns: 'urn:QDA-XML:project:1.0',
      name: projectName,
      origin: 'Pizhu',
      creatingUserGUID: userGuid,
      creationDateTime: stamp,
    }) +
    `<Users>${openTag('User', { guid: userGuid, name: localUserName() }, true)}</Users>` +
    (roots.length > 0 ? `<CodeBook><Codes>${codesXml(roots, codeGuid)}</Codes></CodeBook>` : '') +
    variables.xml +
    (sourceXml.length > 0 ? `<Sources>${sourceXml.join('')}</Sources>` : '') +
    (notes.length > 0 ? `<Notes>${notes.join('')}</Notes>` : '') +
    journalRefs.join('') +
    '</Project>\n';
  return {
    qdeName: options.atlasNaming ? `${atlasFileName(projectName)}.qde` : 'project.qde',
    xml,
    sources,
    counts: { sources: sourceXml.length, codes: countCodes(roots), selections, notes: notes.length },
  };
}

/** The library's tags as the code tree, with colours and codebook descriptions. */
export function libraryCodes(db: Db): CodeNode[] {
  const tags = db.prepare('SELECT id, name, color FROM tag ORDER BY name').all() as Array<{
    id: number;
    name: string;
    color: string | null;
  }>;
  return codeTree(tags, readTagDescriptions(db));
}

export function countCodes(nodes: readonly CodeNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countCodes(node.children), 0);
}

/** `<Code>` elements for the tree, as Project.xsd and Codebook.xsd both write them. */
export function codesXml(nodes: readonly CodeNode[], codeGuid: (path: string) => Guid): string {
  return nodes
    .map(
      (node) =>
        `${openTag('Code', { guid: codeGuid(node.path), name: node.name, isCodable: true, color: hexColor(node.color) })}` +
        (node.description ? `<Description>${xmlText(node.description)}</Description>` : '') +
        codesXml(node.children, codeGuid) +
        '</Code>',
    )
    .join('');
}

/** The tags as a tree by their `/` levels; a level no tag names (never stored alone) still gets a code. */
function codeTree(
  tags: ReadonlyArray<{ id: number; name: string; color: string | null }>,
  descriptions: ReadonlyMap<number, TagDescription>,
): CodeNode[] {
  const roots: CodeNode[] = [];
  const byPath = new Map<string, CodeNode>();
  const nodeFor = (path: string): CodeNode => {
    const key = path.toLocaleLowerCase('en');
    const known = byPath.get(key);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const node: CodeNode = { name: path.slice(cut + 1), path, color: null, description: null, children: [] };
    byPath.set(key, node);
    if (cut < 0) roots.push(node);
    else nodeFor(path.slice(0, cut)).children.push(node);
    return node;
  };
  for (const tag of tags) {
    const node = nodeFor(tag.name);
    node.color = tag.color;
    const description = descriptions.get(tag.id);
    node.description = description ? descriptionText(description) : null;
  }
  return roots;
}

/** The labels descriptionText puts before the parts after the definition, in its order. */
const partLabels = [
  ['inclusion', 'Inclusion: '],
  ['exclusion', 'Exclusion: '],
  ['example', 'Example: '],
] as const;

/**
 * A codebook description (issue #18 item 1) as the one text a code's Description holds: the
 * definition, then each other part that is filled in, labelled.
 */
function descriptionText(d: TagDescription): string {
  return [d.definition, ...partLabels.map(([part, label]) => d[part] && `${label}${d[part]}`)]
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * A code's Description read back as a tag's: the parts descriptionText labelled go back to
 * their places, the rest (all of another tool's memo) is the definition. A part longer than a
 * description holds refuses the import, naming the code: stored, it would make every later
 * JSON backup of the library one Pizhu refuses to read.
 */
export function codeDescription(text: string, now: string, code: string): TagDescription {
  const parts: TagDescriptionText = { definition: text, inclusion: '', exclusion: '', example: '' };
  for (const [part, label] of [...partLabels].reverse()) {
    const rest = parts.definition;
    const at = rest.startsWith(label) ? 0 : rest.lastIndexOf(`\n\n${label}`);
    if (at < 0) continue;
    parts[part] = rest.slice(at + (at === 0 ? 0 : 2) + label.length);
    parts.definition = rest.slice(0, at);
  }
  try {
    return { ...normalizeDescription(parts), updatedAt: now };
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    throw new LibraryError('unsupported-file', `The code "${code}": ${error.message} Nothing was imported.`, code);
  }
}

/** A tag colour as the schema's #RRGGBB: a hex colour as it is, a highlight colour's name by its swatch, else none. */
function hexColor(color: string | null): string | undefined {
  if (color === null) return undefined;
  if (/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color)) return color.toUpperCase();
  return namedColors[color.toLowerCase()];
}

/** An ISO time as xsd:dateTime, or undefined when it is not one. */
function dateTime(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value) ? value : undefined;
}

function localUserName(): string {
  try {
    return os.userInfo().username || 'Pizhu user';
  } catch {
    return 'Pizhu user';
  }
}

/** ATLAS.ti's project file name: the project name without characters file systems refuse. */
function atlasFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is matched
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100) || 'Project';
}
