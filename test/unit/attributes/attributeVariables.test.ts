import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../main/library/createLibrary';
import { libraryRefiQda } from '../../../main/library/refiQda/refiQdaOperations';
import { hasCorpus, hasXmllint, readArchive, schemaErrors } from '../main/library/refiQda/qdpxSupport';

/**
 * Issue #18 items 3 and 6: article attributes leave in a .qdpx as <Variables> and each source's
 * <VariableValue>s (valid against Project.xsd), and come back on import, from sources or from
 * the cases that name them.
 */
let dir: string;
const libraries: Library[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-attr-qdpx-'));
});
afterEach(() => {
  for (const library of libraries.splice(0)) library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string): Promise<Library> {
  const library = await createLibrary({ dbPath: path.join(dir, `${name}.sqlite`) });
  libraries.push(library);
  return library;
}

describe('attributes in REFI-QDA', () => {
  it('exports every kind as a variable, validates, and reads back into an empty library', async () => {
    const library = await open('source');
    const first = library.importText('第一篇\n\n关于住房政策的报道。', '第一篇').articleId!;
    const second = library.importText('第二篇\n\n关于教育改革的评论。', '第二篇').articleId!;
    const a = library.attributes;
    const outlet = a.defineAttribute({ name: '媒体类型', kind: 'choice', choices: ['官方', '市场化'] });
    const words = a.defineAttribute({ name: 'words', kind: 'number' });
    const day = a.defineAttribute({ name: 'published', kind: 'date' });
    const note = a.defineAttribute({ name: 'note', kind: 'text' });
    a.setAttributeValue([first], outlet.id, '官方');
    a.setAttributeValue([second], outlet.id, '市场化');
    a.setAttributeValue([first], words.id, '1e21');
    a.setAttributeValue([second], words.id, '-12.5');
    a.setAttributeValue([first], day.id, '2024-03-05');
    a.setAttributeValue([second], note.id, 'a < b & "c"');

    const file = path.join(dir, 'out.qdpx');
    libraryRefiQda(library).exportQdpx(file);
    const xml = readArchive(file).get('project.qde')!;
    expect(xml).toContain('typeOfVariable="Float"');
    expect(xml).toContain('<FloatValue>1000000000000000000000</FloatValue>');
    expect(xml).toContain('<DateValue>2024-03-05</DateValue>');
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Project.xsd')).toBe('');

    const back = await open('back');
    const counts = libraryRefiQda(back).importQdpx(file);
    expect(counts.attributeValuesAdded).toBe(6);
    const attributes = back.attributes.listAttributes();
    expect(attributes.map((x) => [x.name, x.kind, x.choices])).toEqual([
      ['note', 'text', []],
      ['published', 'date', []],
      ['words', 'number', []],
      ['媒体类型', 'choice', ['官方', '市场化']],
    ]);
    // The title line is no paragraph, so the source's text (and the article made of it) starts at the body.
    const byTitle = new Map(back.listArticles().map((x) => [x.title, x.id]));
    expect(back.attributes.articleAttributes(byTitle.get('关于住房政策的报道')!).map((v) => `${v.name}=${v.value}`)).toEqual([
      'published=2024-03-05',
      'words=1e+21',
      '媒体类型=官方',
    ]);
    expect(back.attributes.articleAttributes(byTitle.get('关于教育改革的评论')!).map((v) => `${v.name}=${v.value}`)).toEqual([
      'note=a < b & "c"',
      'words=-12.5',
      '媒体类型=市场化',
    ]);
  });

  it('reads the values of a case onto the sources it names, keeping a source\'s own and the library\'s', async () => {
    const g = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>' +
      `<Project xmlns="urn:QDA-XML:project:1.0" name="cases" origin="elsewhere">` +
      `<Variables><Variable guid="${g(1)}" name="Region" typeOfVariable="Text"/>` +
      `<Variable guid="${g(2)}" name="Founded" typeOfVariable="DateTime"/></Variables>` +
      `<Cases><Case guid="${g(3)}" name="South">` +
      `<VariableValue><VariableRef targetGUID="${g(1)}"/><TextValue>华南</TextValue></VariableValue>` +
      `<VariableValue><VariableRef targetGUID="${g(2)}"/><DateTimeValue>1984-01-02T10:00:00Z</DateTimeValue></VariableValue>` +
      `<SourceRef targetGUID="${g(4)}"/></Case></Cases>` +
      `<Sources><TextSource guid="${g(4)}" name="One"><PlainTextContent>第一段文字。</PlainTextContent>` +
      `<VariableValue><VariableRef targetGUID="${g(1)}"/><TextValue>广州</TextValue></VariableValue></TextSource></Sources>` +
      '</Project>';
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Project.xsd')).toBe('');
    const file = path.join(dir, 'cases.qdpx');
    fs.writeFileSync(file, zipSync({ 'project.qde': strToU8(xml) }));
    const library = await open('cases');
    expect(libraryRefiQda(library).importQdpx(file).attributeValuesAdded).toBe(2);
    const [article] = library.listArticles();
    expect(library.attributes.articleAttributes(article!.id).map((v) => `${v.name}=${v.value}`)).toEqual([
      'Founded=1984-01-02',
      'Region=广州',
    ]);
  });
});
