import type { QdcImportCounts } from '../../../preload/contract/api';
import { addTagDescription } from '../codebook/tagDescriptions';
import { createBackupWriter } from '../export/backupWriter';
import { requireAbsolutePath, writeTextFile } from '../files/writeTextFile';
import { readRegularFile } from '../files/readRegularFile';
import { discardHistory } from '../journal/journalEntries';
import { LibraryError } from '../libraryError';
import { readLibraryId } from '../store/libraryIdentity';
import type { Db } from '../store/openDatabase';
import path from 'node:path';
import { codeDescription, codesXml, countCodes, libraryCodes } from './buildProject';
import { child, children, parseProjectXml, textOf, type XmlNode } from './parseProjectXml';
import { guidMaker } from './qdpxGuid';
import { maxQdpxEntryBytes, utf8 } from './readQdpxFiles';
import { codeColor, codeName } from './readProject';

/** The codebook alone as a REFI-QDA `.qdc` (Codebook.xsd): the tag tree with colours and descriptions. */
export function exportQdc(db: Db, file: string): { path: string; codes: number } {
  const target = requireAbsolutePath(file, 'codebook file');
  const guid = guidMaker(readLibraryId(db) ?? 'pizhu');
  const roots = db.transaction(() => libraryCodes(db))();
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Pizhu"><Codes>${codesXml(roots, (p) => guid('code', p.toLocaleLowerCase('en')))}</Codes></CodeBook>\n`;
  writeTextFile(target, xml);
  return { path: target, codes: countCodes(roots) };
}

export type { QdcImportCounts };

/**
 * A `.qdc` codebook's codes as tags (tree, colours, descriptions), in one transaction. GUIDs
 * are not needed to make tags, so a codebook whose GUIDs break the schema's pattern (OpenQDA's
 * example) still imports; one that is not well-formed XML is refused whole.
 */
export function importQdc(db: Db, file: string, now: string): QdcImportCounts {
  const target = requireAbsolutePath(file, 'codebook file');
  const name = path.basename(target);
  const root = parseProjectXml(utf8(readRegularFile(target, { maxBytes: maxQdpxEntryBytes, what: 'codebook' })), name);
  // A codebook, or a project's codebook.
  const book = child(root, 'CodeBook') ?? child(child(root, 'Project'), 'CodeBook');
  if (!book) throw new LibraryError('unsupported-file', `"${name}" has no <CodeBook>: it is not a REFI-QDA codebook; nothing was imported.`);
  const codes: Array<{ path: string; color: string | null; description: string }> = [];
  const walk = (nodes: XmlNode[], parent: string | null) => {
    for (const node of nodes) {
      const own = codeName(node);
      if (own === '') throw new LibraryError('unsupported-file', `"${name}" has a code without a name; nothing was imported.`);
      const full = parent === null ? own : `${parent}/${own}`;
      codes.push({
        path: full,
        color: codeColor(node),
        description: textOf(child(node, 'Description'))
          .split('\n')
          .map((line) => line.trim())
          .join('\n')
          .trim(),
      });
      walk(children(node, 'Code'), full);
    }
  };
  walk(children(child(book, 'Codes'), 'Code'), null);
  return db
    .transaction(() => {
      const writer = createBackupWriter(db, now);
      let descriptionsAdded = 0;
      for (const code of codes) {
        const id = writer.tagId(code.path, code.color);
        if (code.description !== '' && addTagDescription(db, id, codeDescription(code.description, now, code.path))) descriptionsAdded++;
      }
      if (writer.counts.tagsAdded > 0 || descriptionsAdded > 0) discardHistory(db);
      return { codes: codes.length, tagsAdded: writer.counts.tagsAdded, descriptionsAdded };
    })
    .immediate();
}
