import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packPrepared, unpackPrepared } from '../../../../../main/library/import/packedPrepared';
import { prepareJob, type PreparedFile } from '../../../../../main/library/import/prepareFile';

const seeds = path.resolve(__dirname, '../../../../../seeds');

/** What the storing thread receives: the packed file, copied as postMessage copies it, unpacked. */
function throughTheMessage(file: PreparedFile): PreparedFile {
  return unpackPrepared(structuredClone(packPrepared(file)));
}

/**
 * The parse worker posts each prepared file without the raw texts that equal their paragraph's
 * text; the storing thread must get back exactly what the parse made, and a smaller message.
 */
describe('packed prepared files', () => {
  const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();

  it.each(files)('%s arrives as it was parsed, in a smaller message', (name) => {
    const prepared = prepareJob(path.join(seeds, name));
    expect('article' in prepared).toBe(true);
    expect(throughTheMessage(prepared)).toEqual(prepared);
    expect(v8.serialize(packPrepared(prepared)).length).toBeLessThan(v8.serialize(prepared).length);
  });

  it('keeps raw texts that differ from the text (pinyin readings removed)', () => {
    const prepared = prepareJob({ pasted: '标题\n\n出入境管理大队介绍,经(jīng)过询问了解,得知王阿婆是香港人,证件过期很久了。' });
    if (!('article' in prepared)) throw new Error(prepared.fileName);
    const body = prepared.article.parsed.paragraphs.find((p) => p.raw !== p.text);
    expect(body?.raw).toContain('(jīng)');
    expect(throughTheMessage(prepared)).toEqual(prepared);
  });

  it('passes a refused file and a feed of articles and refusals through', () => {
    const refused: PreparedFile = { fileName: 'x.bin', failed: 'x.bin looks like a binary file, not text.', code: 'decode-failed' };
    expect(throughTheMessage(refused)).toEqual(refused);
    const article = prepareJob(path.join(seeds, files[0]!));
    if (!('article' in article)) throw new Error(article.fileName);
    const feed: PreparedFile = { fileName: 'news.xml', feed: [article, refused] };
    expect(throughTheMessage(feed)).toEqual(feed);
  });
});
