import { LibraryError } from '../libraryError';
import { paragraphSelectionMark } from './buildProject';
import { attribute, child, children, parseProjectXml, textOf, type XmlNode } from './parseProjectXml';
import { isGuid } from './qdpxGuid';
import { readVariables, readVariableValues, type QdaVariable, type QdaVariableValue } from './qdaVariables';
import { utf8, type QdpxFiles } from './readQdpxFiles';

export interface QdaCode {
  guid: string;
  /** The tag name: the code's ancestors' names and its own, joined by `/`. */
  path: string;
  color: string | null;
  description: string;
}

export interface QdaSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  description: string;
  codes: string[];
  notes: string[];
  createdAt: string | null;
}

export interface QdaSource {
  guid: string;
  name: string;
  /** The plain text, byte order mark left out, line endings as the file has them. */
  text: string;
  selections: QdaSelection[];
  /** Notes on the whole source. */
  notes: string[];
  /** Its variables' values (article attributes), its own and those of the cases that name it. */
  variables: QdaVariableValue[];
}

export interface QdaProject {
  origin: string;
  codes: QdaCode[];
  variables: QdaVariable[];
  sources: QdaSource[];
  /** Sources Pizhu cannot hold (pictures, PDFs, audio, video), by kind: counted, not imported. */
  skippedSources: number;
  /** Notes on the project as a whole (its own NoteRefs), with their dates: the library journal's entries. */
  projectNotes: Array<{ text: string; createdAt: string | null }>;
}

const projectChildren = new Set(['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef']);
const mediaSources = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

/**
 * A REFI-QDA project read and checked for what the schema cannot say: GUIDs unique, every
 * CodeRef and NoteRef pointing at something, every text source's text present. Anything
 * wrong is refused with a message naming it, before the library is touched.
 */
export function readProject(files: QdpxFiles): QdaProject {
  const root = parseProjectXml(files.xml, files.name);
  const project = child(root, 'Project');
  if (!project) throw refuse(files.name, 'has no <Project> element: it is not a REFI-QDA project');
  for (const key of Object.keys(project)) {
    if (/^[A-Z]/.test(key) && !projectChildren.has(key)) {
      throw refuse(files.name, `has a <${key}> element the REFI-QDA schema does not know`);
    }
  }
  const seen = new Set<string>();
  const checkGuid = (guid: string | undefined, what: string): string => {
    if (guid === undefined || guid === '') throw refuse(files.name, `has a ${what} without a GUID`);
    const key = guid.replace(/[{}]/g, '').toLowerCase();
    if (seen.has(key)) throw refuse(files.name, `uses the GUID ${guid} twice (a ${what})`);
    seen.add(key);
    return key;
  };

  const codes: QdaCode[] = [];
  const walk = (nodes: XmlNode[], parent: string | null) => {
    for (const node of nodes) {
      const guid = checkGuid(attribute(node, 'guid'), 'code');
      const name = codeName(node) || 'Code';
      const path = parent === null ? name : `${parent}/${name}`;
      codes.push({ guid, path, color: codeColor(node), description: textOf(child(node, 'Description')).trim() });
      walk(children(node, 'Code'), path);
    }
  };
  walk(children(child(child(project, 'CodeBook'), 'Codes'), 'Code'), null);
  const codeGuids = new Set(codes.map((c) => c.guid));
  const variables = readVariables(project, checkGuid);
  const variableGuids = new Set(variables.map((v) => v.guid));

  const notes = new Map<string, string>();
  const noteDates = new Map<string, string | null>();
  for (const note of children(child(project, 'Notes'), 'Note')) {
    const guid = checkGuid(attribute(note, 'guid'), 'note');
    const inline = child(note, 'PlainTextContent');
    const file = internalFile(attribute(note, 'plainTextPath'));
    const bytes = inline ? undefined : file === undefined ? undefined : files.source(file);
    notes.set(guid, inline ? textOf(inline) : bytes ? utf8(bytes) : textOf(child(note, 'Description')));
    noteDates.set(guid, attribute(note, 'creationDateTime') ?? null);
  }
  const noteTexts = (node: XmlNode, where: string): string[] =>
    children(node, 'NoteRef').map((ref) => {
      const target = (attribute(ref, 'targetGUID') ?? '').replace(/[{}]/g, '').toLowerCase();
      const text = notes.get(target);
      if (text === undefined) throw refuse(files.name, `refers ${where} to a note ${target} it does not have`);
      return text;
    });

  const sources: QdaSource[] = [];
  const sourcesNode = child(project, 'Sources');
  let skippedSources = 0;
  for (const kind of mediaSources) skippedSources += children(sourcesNode, kind).length;
  for (const node of children(sourcesNode, 'TextSource')) {
    const guid = checkGuid(attribute(node, 'guid'), 'source');
    const name = attribute(node, 'name') ?? guid;
    const inline = child(node, 'PlainTextContent');
    let text: string;
    if (inline) text = textOf(inline);
    else {
      const file = internalFile(attribute(node, 'plainTextPath'));
      const bytes = file === undefined ? undefined : files.source(file);
      if (!bytes) {
        throw refuse(
          files.name,
          `names the text of "${name}" (${attribute(node, 'plainTextPath') ?? 'no plainTextPath'}) but the project does not hold that file`,
        );
      }
      text = utf8(bytes);
    }
    const selections: QdaSelection[] = [];
    for (const s of children(node, 'PlainTextSelection')) {
      const selectionGuid = checkGuid(attribute(s, 'guid'), 'selection');
      const start = Number(attribute(s, 'startPosition'));
      const end = Number(attribute(s, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
        throw refuse(files.name, `has a selection in "${name}" with positions ${start}–${end}`);
      }
      const codings = children(s, 'Coding').map((coding) => {
        const target = (attribute(child(coding, 'CodeRef'), 'targetGUID') ?? '').replace(/[{}]/g, '').toLowerCase();
        if (!codeGuids.has(target)) throw refuse(files.name, `codes a selection in "${name}" with a code ${target} its codebook lacks`);
        return target;
      });
      selections.push({
        guid: selectionGuid,
        name: attribute(s, 'name') ?? '',
        start,
        end,
        description: textOf(child(s, 'Description')).trim(),
        codes: codings,
        notes: [...noteTexts(s, `in "${name}"`), ...descriptionNote(s)],
        createdAt: attribute(s, 'creationDateTime') ?? null,
      });
    }
    sources.push({ guid, name, text, selections, notes: noteTexts(node, `in "${name}"`), variables: readVariableValues(node, variableGuids) });
  }
  // A case's values (NVivo keeps attributes on cases) go to each source it names; a source's own come first.
  const sourceByGuid = new Map(sources.map((s) => [s.guid, s]));
  for (const node of children(child(project, 'Cases'), 'Case')) {
    const values = readVariableValues(node, variableGuids);
    for (const ref of children(node, 'SourceRef')) {
      const target = sourceByGuid.get((attribute(ref, 'targetGUID') ?? '').replace(/[{}]/g, '').toLowerCase());
      target?.variables.push(...values.filter((v) => !target.variables.some((own) => own.variable === v.variable)));
    }
  }
  for (const guid of seen) if (!isGuid(guid)) throw refuse(files.name, `has "${guid}", which is not a GUID`);
  const projectNotes = children(project, 'NoteRef').map((ref) => {
    const target = (attribute(ref, 'targetGUID') ?? '').replace(/[{}]/g, '').toLowerCase();
    const text = notes.get(target);
    if (text === undefined) throw refuse(files.name, `refers the project to a note ${target} it does not have`);
    return { text, createdAt: noteDates.get(target) ?? null };
  });
  return { origin: attribute(project, 'origin') ?? '', codes, variables, sources, skippedSources, projectNotes };
}

/** A `<Code>`'s name as one level of a tag name: a `/` inside it is not a level, so it becomes the full-width slash. */
export function codeName(code: XmlNode): string {
  return (attribute(code, 'name') ?? '').replace(/\//g, '／').trim();
}

/** A `<Code>`'s colour as the tag's: the schema's #RGB or #RRGGBB, upper case; anything else none. */
export function codeColor(code: XmlNode): string | null {
  const color = attribute(code, 'color');
  return color && /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color) ? color.toUpperCase() : null;
}

/** A selection's own Description is a memo too (f4 and ATLAS.ti write memos so), except Pizhu's mark. */
function descriptionNote(s: XmlNode): string[] {
  const text = textOf(child(s, 'Description')).trim();
  return text === '' || text === paragraphSelectionMark ? [] : [text];
}

/** `internal://x.txt` → `x.txt` (also the `internal://sources/x.txt` some tools write). */
function internalFile(uri: string | undefined): string | undefined {
  if (uri === undefined || !uri.startsWith('internal://')) return undefined;
  const name = uri.slice('internal://'.length).replace(/^sources\//i, '');
  return name === '' ? undefined : name;
}

function refuse(name: string, what: string): LibraryError {
  return new LibraryError('unsupported-file', `"${name}" ${what}; nothing was imported.`);
}
