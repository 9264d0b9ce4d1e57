import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  codePointOffset,
  type WebAnnotation,
  type WebAnnotationCollection,
} from '../../../../../main/library/export/exportW3c';
import { noteMarkdown, openAnnotatedLibrary, type AnnotatedLibrary } from './annotatedLibrary';

let lib: AnnotatedLibrary;
beforeEach(async () => {
  lib = await openAnnotatedLibrary();
});
afterEach(() => lib.dispose());

function exportCollection(): WebAnnotationCollection {
  const result = lib.library.exportW3c(path.join(lib.dir, 'annotations.jsonld'));
  const collection = JSON.parse(fs.readFileSync(result.path, 'utf8')) as WebAnnotationCollection;
  expect(result.annotations).toBe(collection.total);
  return collection;
}

function selectors(annotation: WebAnnotation) {
  if (typeof annotation.target === 'string') throw new Error('no selectors');
  return annotation.target.selector;
}

describe('W3C Web Annotation export', () => {
  it('writes a collection with one annotation per highlight: quote and code-point position selectors, tags and note as bodies', () => {
    const collection = exportCollection();
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' });
    const items = collection.first.items;
    expect(items.filter((a) => a.motivation === 'highlighting')).toHaveLength(lib.highlights.length);
    const internet = items.find((a) => a.id === `pizhu://highlight/${lib.internet.id}`)!;
    expect(internet.target).toMatchObject({ source: `pizhu://article/${lib.crafted.id}#${lib.internetParagraph.id}` });
    const [quote, position] = selectors(internet);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '互联网',
      prefix: lib.internetParagraph.text.slice(0, lib.internet.start!),
      suffix: lib.internetParagraph.text.slice(lib.internet.end!, lib.internet.end! + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start: lib.internet.start, end: lib.internet.end });
    expect(internet.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: '政策/互联网' },
      { type: 'TextualBody', purpose: 'commenting', value: noteMarkdown, format: 'text/markdown' },
    ]);
  });

  it('counts positions in code points, not UTF-16 units, after a character outside the BMP', () => {
    const paragraph = lib.crafted.paragraphs.find((p) => p.text.includes('𠀀'))!;
    const at = paragraph.text.indexOf('互联网');
    const highlight = lib.library.annotations.createHighlight({
      paragraphId: paragraph.id,
      start: at,
      end: at + 3,
      color: 'yellow',
    });
    const annotation = exportCollection().first.items.find((a) => a.id === `pizhu://highlight/${highlight.id}`)!;
    const position = selectors(annotation)[1]!;
    expect(position).toEqual({ type: 'TextPositionSelector', start: at - 1, end: at + 2 });
    expect([...paragraph.text].slice(at - 1, at + 2).join('')).toBe('互联网');
    expect(codePointOffset('a𠀀b', 3)).toBe(2);
  });

  it('annotates tags and notes on whole paragraphs, and orphans by quote alone', () => {
    const numbered = lib.crafted.paragraphs.find((p) => p.text.startsWith('1. 不是编号'))!;
    lib.library
      .database()
      .prepare('UPDATE highlight SET paragraph_id = NULL, start_offset = NULL, end_offset = NULL WHERE id = ?')
      .run(lib.internet.id);
    const items = exportCollection().first.items;
    expect(items.find((a) => a.id === `pizhu://paragraph/${numbered.id}`)).toEqual({
      id: `pizhu://paragraph/${numbered.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: '政策/治理' },
        { type: 'TextualBody', purpose: 'commenting', value: '编号的*说明*', format: 'text/markdown' },
      ],
      target: `pizhu://article/${lib.crafted.id}#${numbered.id}`,
    });
    const orphan = items.find((a) => a.id === `pizhu://highlight/${lib.internet.id}`)!;
    expect(orphan.target).toEqual({
      source: `pizhu://article/${lib.crafted.id}`,
      selector: [
        { type: 'TextQuoteSelector', exact: '互联网', prefix: lib.internet.prefix, suffix: lib.internet.suffix },
      ],
    });
  });
});
