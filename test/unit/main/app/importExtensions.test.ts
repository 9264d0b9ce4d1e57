import { describe, expect, it } from 'vitest';
import { importExtensions } from '../../../../main/app/fileDialogs';
import { importable } from '../../../../main/library/import/findImportFiles';

describe('what the Import… file chooser offers', () => {
  it('offers RSS and Atom feeds beside article files, and only kinds an import reads', () => {
    expect(importExtensions).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'htm', 'xml', 'rss', 'atom']));
    for (const extension of importExtensions) expect(importable(`a.${extension}`)).toBe(true);
  });
});
