import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../../../../../main/library/createLibrary';
import { maxFeedItems } from '../../../../../main/library/import/importLimits';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-import-reason-'));
  library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
});
afterEach(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, 'in', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const feedOf = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>城市晚报</title>\n${items}\n</channel></rss>`;
const item = (n: number) => `<item><title>条目${n}</title><description>第${n}条。</description></item>`;

describe('the reason an import gives for each file it did not take, beside its English message', () => {
  it('names the kind skipped, the line a feed breaks on, an empty feed, no text, an encoding refused and a missing file', async () => {
    write('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    // The <description> of line 4 is never closed: </channel> on line 5 is where the feed breaks.
    write('broken.xml', feedOf('<item><title>一</title>\n<description>第一条'));
    write('empty.rss', feedOf(''));
    write('blank.txt', '   \n\n');
    write('binary.txt', Buffer.from([0x00, 0xff, 0x00, 0xfe, 0x01, 0x02, 0x00, 0x00, 0x9f, 0x00]));
    const outcomes = await library.importPaths([path.join(dir, 'in'), path.join(dir, 'gone.txt')]);
    const byName = new Map(outcomes.map((o) => [o.fileName, o]));
    expect(byName.get('photo.png')).toMatchObject({ status: 'skipped', reason: { code: 'not-importable' } });
    expect(byName.get('broken.xml')).toMatchObject({ status: 'failed', reason: { code: 'feed-broken', line: 5 } });
    expect(byName.get('broken.xml')!.message).toMatch(/<\/channel> on line 5/u);
    expect(byName.get('empty.rss')).toMatchObject({ status: 'failed', reason: { code: 'feed-no-items' } });
    expect(byName.get('blank.txt')).toMatchObject({ status: 'failed', reason: { code: 'no-text' } });
    expect(byName.get('binary.txt')).toMatchObject({ status: 'failed', reason: { code: 'undecodable' } });
    expect(byName.get('gone.txt')).toMatchObject({ status: 'failed', reason: { code: 'not-found' } });
    // The English message is kept for the CLI and as the fallback.
    for (const outcome of outcomes) expect(outcome.message).toMatch(/\S/u);
  });

  it('gives the size limit of a file too large, and the counts of a feed with too many items', async () => {
    const big = write('big.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
    const many = write('many.rss', feedOf(Array.from({ length: maxFeedItems + 2 }, (_, n) => item(n)).join('\n')));
    const outcomes = await library.importPaths([big, many]);
    expect(outcomes[0]).toMatchObject({ fileName: 'big.txt', status: 'failed', reason: { code: 'too-large', limitMb: 20 } });
    expect(outcomes.at(-1)).toMatchObject({
      fileName: 'many.rss',
      status: 'failed',
      reason: { code: 'feed-too-many-items', items: maxFeedItems + 2, limit: maxFeedItems },
    });
  });

  it('gives no code for a refusal it has no words for: the app shows the message', async () => {
    const page = write('empty-page.html', '<html><head><title>t</title></head><body></body></html>');
    const [outcome] = await library.importPaths([page]);
    expect(outcome).toEqual({
      fileName: 'empty-page.html',
      status: 'failed',
      message: 'No article text was found in "empty-page.html".',
    });
  });
});
