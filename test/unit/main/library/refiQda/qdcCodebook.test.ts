import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { libraryRefiQda } from '../../../../../main/library/refiQda/refiQdaOperations';
import { annotationRows } from '../../../../support/seededLibrary';
import { openAnnotatedLibrary, type AnnotatedLibrary } from '../export/annotatedLibrary';
import { hasCorpus, hasXmllint, refiCorpus, schemaErrors } from './qdpxSupport';

let lib: AnnotatedLibrary;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
  // Seeding five articles and annotating them takes seconds on a machine the other tests load.
}, 60_000);
afterEach(() => lib.dispose());
const qdc = () => libraryRefiQda(lib.library, () => '2026-11-23T10:00:00.000Z');
const tagNames = () => lib.library.database().prepare('SELECT name FROM tag ORDER BY name').pluck().all() as string[];

describe('REFI-QDA codebook (.qdc)', () => {
  it('exports the tag tree, valid against Codebook.xsd, and imports back into a library without changing it', () => {
    lib.library.annotations.tagParagraph(lib.internetParagraph.id, '方法/编码 & <测试>');
    const file = path.join(lib.dir, 'codebook.qdc');
    const result = qdc().exportQdc(file);
    const xml = fs.readFileSync(file, 'utf8');
    expect(result.codes).toBe(tagNames().length);
    expect(xml).toMatch(/<Code guid="[^"]+" name="政策" isCodable="true"[^>]*>.*<Code guid="[^"]+" name="互联网" isCodable="true"/s);
    if (hasCorpus && hasXmllint) expect(schemaErrors(xml, 'Codebook.xsd')).toBe('');
    const before = tagNames();
    expect(qdc().importQdc(file)).toMatchObject({ codes: before.length, tagsAdded: 0 });
    expect(tagNames()).toEqual(before);
  });

  it.skipIf(!hasCorpus)('imports OpenQDA\'s example codebook (GUIDs like c001 that break the pattern): tree, colours', () => {
    const counts = qdc().importQdc(path.join(refiCorpus, 'codebooks', 'openqda_example_codebook.qdc'));
    expect(counts.codes).toBe(44);
    const db = lib.library.database();
    expect(db.prepare("SELECT color FROM tag WHERE name = 'Negativ／Aufgeregt'").pluck().get()).toBe('#E57373');
    expect(tagNames().filter((n) => n.startsWith('Negativ／Aufgeregt/')).length).toBeGreaterThan(0);
  });

  it.skipIf(!hasCorpus)('refuses the defect codebook (not well-formed) whole: nothing imported', () => {
    const before = annotationRows(lib.library.database());
    expect(() => qdc().importQdc(path.join(refiCorpus, 'codebooks', 'openqda_example_codebook_defect.qdc'))).toThrow(
      /not well-formed XML \(line \d+/,
    );
    expect(annotationRows(lib.library.database())).toEqual(before);
  });
});
