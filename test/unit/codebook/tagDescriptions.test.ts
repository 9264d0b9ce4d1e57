import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import type { Backup } from '../../../main/library/export/backupFormat';
import { libraryRefiQda } from '../../../main/library/refiQda/refiQdaOperations';
import type { TagDescriptionText } from '../../../preload/contract/codebookTypes';

/**
 * Issue #18 item 1: a tag's codebook description (definition, inclusion, exclusion, example).
 * Each edit is one undo step; deleting or merging a tag carries its description through undo;
 * the JSON backup (version 6) holds it and older backups still import.
 */
const schemaPath = path.resolve(__dirname, '../../../docs/backup.schema.json');

let dir: string;
let libraries: Library[] = [];
let clock = Date.parse('2026-12-06T09:00:00.000Z');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-codebook-'));
});
afterEach(() => {
  for (const library of libraries) library.close();
  libraries = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string): Promise<Library> {
  // Each call a minute later: no two edits fold into one undo step by time.
  const library = await createLibrary({
    dbPath: path.join(dir, `${name}.sqlite`),
    now: () => new Date((clock += 60_000)),
  });
  libraries.push(library);
  return library;
}

/** A library with one article whose first two body paragraphs carry 政策/住房 and 政策 and 民生. */
async function tagged(name = 'library'): Promise<Library> {
  const library = await open(name);
  const { articleId } = library.importText(
    '住房政策\n\n今年的住房政策有三项调整。\n\n市民对民生问题的看法。',
    '住房政策',
  );
  const [first, second] = library.getArticle(articleId!).paragraphs.slice(-2);
  library.annotations.tagParagraph(first!.id, '政策/住房');
  library.annotations.tagParagraph(second!.id, '民生');
  library.annotations.tagParagraph(second!.id, '政策');
  return library;
}

const definition: TagDescriptionText = {
  definition: '  关于住房供给、价格或补贴的政策。  ',
  inclusion: '明确提到住房的政策措施\r\n包括租房补贴',
  exclusion: '只谈房价走势、不涉及政策的段落(用“市场”)',
  example: '今年的住房政策有三项调整。',
};

const described = (library: Library) =>
  Object.fromEntries(library.annotations.listTags().map((t) => [t.name, t.description ?? null]));

describe('a tag’s description', () => {
  it('is stored trimmed with its line breaks, listed with the tag, and each edit is one undo step', async () => {
    const library = await tagged();
    library.annotations.describeTag('政策/住房', definition);
    const stored = library.annotations.listTags().find((t) => t.name === '政策/住房')?.description;
    expect(stored).toEqual({
      definition: '关于住房供给、价格或补贴的政策。',
      inclusion: '明确提到住房的政策措施\n包括租房补贴',
      exclusion: '只谈房价走势、不涉及政策的段落(用“市场”)',
      example: '今年的住房政策有三项调整。',
      updatedAt: expect.stringMatching(/^2026-12-06T/) as string,
    });
    expect(described(library)['政策']).toBeNull();
    expect(described(library)['政策/住房']).toEqual(stored);

    // A second edit, then undo: the first text is back, not none.
    library.annotations.describeTag('政策/住房', { ...definition, definition: '住房政策。' });
    expect(described(library)['政策/住房']?.definition).toBe('住房政策。');
    expect(library.annotations.undo()).toMatchObject({ op: 'tag.describe', articleIds: [] });
    expect(described(library)['政策/住房']).toEqual(stored);
    expect(library.annotations.undo()).toMatchObject({ op: 'tag.describe' });
    expect(described(library)['政策/住房']).toBeNull();
    expect(library.annotations.redo()).toMatchObject({ op: 'tag.describe' });
    expect(described(library)['政策/住房']).toEqual(stored);

    // The same text again changes nothing and leaves no step: undo takes back the redone one.
    library.annotations.describeTag('政策/住房', definition);
    expect(described(library)['政策/住房']).toEqual(stored);
    library.annotations.undo();
    expect(described(library)['政策/住房']).toBeNull();
  });

  it('is found by the tag’s name in another case or script, cleared by four empty parts, and refuses bad input unchanged', async () => {
    const library = await tagged();
    library.annotations.describeTag('政策', { ...definition, example: '' });
    // A second write replaces the first, part by part.
    library.annotations.describeTag('政策', { definition: '政府的政策', inclusion: '', exclusion: '', example: '' });
    expect(described(library)['政策']).toMatchObject({ definition: '政府的政策', inclusion: '', example: '' });
    const before = described(library);
    expect(() => library.annotations.describeTag('没有', definition)).toThrow(/There is no tag "没有"/);
    expect(() => library.annotations.describeTag('政策', { ...definition, exclusion: '长'.repeat(10_001) })).toThrow(
      /exclusion is 10001 characters long/,
    );
    expect(described(library)).toEqual(before);
    library.annotations.describeTag('政策', { definition: ' ', inclusion: '\n', exclusion: '', example: '' });
    expect(described(library)['政策']).toBeNull();
    library.annotations.undo();
    expect(described(library)['政策']?.definition).toBe('政府的政策');
  });

  it('stays with its tag through a rename, goes with a deleted tag and comes back on undo, and moves on a merge when the other has none', async () => {
    const library = await tagged();
    library.annotations.describeTag('政策/住房', definition);
    library.annotations.describeTag('民生', { definition: '民生议题', inclusion: '', exclusion: '', example: '' });

    library.annotations.renameTag('政策', '公共政策');
    expect(described(library)['公共政策/住房']?.definition).toBe('关于住房供给、价格或补贴的政策。');

    // Deleting the parent deletes the nested tag with its description; undo gives both back.
    library.annotations.deleteTag('公共政策');
    expect(Object.keys(described(library))).toEqual(['民生']);
    library.annotations.undo();
    expect(described(library)['公共政策/住房']?.definition).toBe('关于住房供给、价格或补贴的政策。');

    // Merged into a tag without one: the description goes over.
    library.annotations.mergeTags('公共政策/住房', '公共政策');
    expect(described(library)['公共政策']?.definition).toBe('关于住房供给、价格或补贴的政策。');
    library.annotations.undo();
    expect(described(library)['公共政策']).toBeNull();
    expect(described(library)['公共政策/住房']?.definition).toBe('关于住房供给、价格或补贴的政策。');

    // Merged into a tag with its own: that one is kept; undo brings the merged tag's back.
    library.annotations.mergeTags('公共政策/住房', '民生');
    expect(described(library)['民生']?.definition).toBe('民生议题');
    library.annotations.undo();
    expect(described(library)['公共政策/住房']?.definition).toBe('关于住房供给、价格或补贴的政策。');
  });
});

describe('descriptions in the JSON backup (version 6)', () => {
  it('are written valid against the schema and round-trip; a merge keeps the library’s own; a version 5 backup reads as none', async () => {
    const source = await tagged('source');
    source.annotations.describeTag('政策/住房', definition);
    const first = path.join(dir, 'first.json');
    source.exportBackup(first);
    const backup = JSON.parse(fs.readFileSync(first, 'utf8')) as Backup;
    expect(backup.version).toBe(8);
    expect(backup.tags.map((t) => [t.name, t.description?.definition ?? null])).toEqual([
      ['政策', null],
      ['政策/住房', '关于住房供给、价格或补贴的政策。'],
      ['民生', null],
    ]);
    // A tag without a description has no field at all.
    expect('description' in backup.tags[0]!).toBe(false);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
      JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object,
    );
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);

    const empty = await open('empty');
    expect(empty.importBackup(first)).toMatchObject({ tagDescriptionsAdded: 1 });
    expect(described(empty)).toEqual(described(source));
    const second = path.join(dir, 'second.json');
    empty.exportBackup(second);
    const strip = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(second)).toBe(strip(first));

    const own = await tagged('own');
    own.annotations.describeTag('政策/住房', { definition: '我的定义', inclusion: '', exclusion: '', example: '' });
    expect(own.importBackup(first)).toMatchObject({ tagDescriptionsAdded: 0 });
    expect(described(own)['政策/住房']?.definition).toBe('我的定义');

    const v5 = JSON.parse(fs.readFileSync(first, 'utf8')) as Record<string, unknown> & {
      tags: Array<Record<string, unknown>>;
    };
    v5.version = 5;
    for (const tag of v5.tags) delete tag.description;
    const v5File = path.join(dir, 'v5.json');
    fs.writeFileSync(v5File, JSON.stringify(v5));
    const older = await open('older');
    expect(older.importBackup(v5File)).toMatchObject({ articlesAdded: 1, tagDescriptionsAdded: 0 });
    expect(Object.values(described(older))).toEqual([null, null, null]);
  });
});

describe('descriptions in REFI-QDA exchange', () => {
  it('go out as each code’s Description, its parts labelled, and come back in their parts to a tag that has none', async () => {
    const source = await tagged('source');
    source.annotations.describeTag('政策/住房', definition);
    const qdc = path.join(dir, 'codebook.qdc');
    libraryRefiQda(source).exportQdc(qdc);
    expect(fs.readFileSync(qdc, 'utf8')).toContain(
      '<Description>关于住房供给、价格或补贴的政策。\n\nInclusion: 明确提到住房的政策措施\n包括租房补贴\n\n' +
        'Exclusion: 只谈房价走势、不涉及政策的段落(用“市场”)\n\nExample: 今年的住房政策有三项调整。</Description>',
    );
    const qdpx = path.join(dir, 'library.qdpx');
    libraryRefiQda(source).exportQdpx(qdpx);

    const empty = await open('empty');
    expect(libraryRefiQda(empty).importQdc(qdc)).toMatchObject({ tagsAdded: 3, descriptionsAdded: 1 });
    const { updatedAt: _, ...parts } = described(source)['政策/住房']!;
    expect(described(empty)['政策/住房']).toMatchObject(parts);
    expect(described(empty)['政策']).toBeNull();

    // A tag with its own description keeps it, from a codebook and from a project alike.
    const own = await tagged('own');
    own.annotations.describeTag('政策/住房', { definition: '我的定义', inclusion: '', exclusion: '', example: '' });
    expect(libraryRefiQda(own).importQdc(qdc)).toMatchObject({ descriptionsAdded: 0 });
    libraryRefiQda(own).importQdpx(qdpx);
    expect(described(own)['政策/住房']?.definition).toBe('我的定义');

    const project = await open('project');
    libraryRefiQda(project).importQdpx(qdpx);
    expect(described(project)['政策/住房']).toMatchObject(parts);
  });

  it('come in as the definition when another tool wrote them, and one too long for a tag is refused, nothing imported', async () => {
    const codebook = (description: string) => {
      const file = path.join(dir, 'other.qdc');
      fs.writeFileSync(
        file,
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
          '<Code guid="11111111-1111-1111-1111-111111111111" name="住房" isCodable="true">' +
          `<Description>${description}</Description></Code></Codes></CodeBook>`,
      );
      return file;
    };
    const library = await open('other');
    expect(libraryRefiQda(library).importQdc(codebook('关于住房的段落。\nIncludes: 租房'))).toMatchObject({ descriptionsAdded: 1 });
    expect(described(library)['住房']).toMatchObject({ definition: '关于住房的段落。\nIncludes: 租房', inclusion: '', example: '' });

    // Stored, a definition past the limit would make the library's JSON backups unreadable.
    const fresh = await open('fresh');
    expect(() => libraryRefiQda(fresh).importQdc(codebook('长'.repeat(10_001)))).toThrow(
      /The code "住房": The definition is 10001 characters long; a description part holds at most 10000\. Nothing was imported\./,
    );
    expect(fresh.annotations.listTags()).toEqual([]);
  });
});
