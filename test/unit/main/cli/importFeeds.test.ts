import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

const temp = tempLibraryEachTest('pizhu-cli-feeds-');

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>城市晚报</title>
<item><title>图书馆延时</title><link>https://news.example.cn/a/1.html</link>
<description><![CDATA[<p>本报讯 社区图书馆从本月起把开放时间延长到晚上九点，方便下班后的居民借阅。</p>]]></description></item>
<item><title>空条目</title><link>https://news.example.cn/a/2.html</link></item>
</channel></rss>`;

describe('pizhu import of a feed', () => {
  it('--json reports each item of a feed, and a file of another kind in a folder as skipped', async () => {
    const folder = path.join(temp.dir, 'in');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'news.rss'), feed);
    fs.writeFileSync(path.join(folder, 'scan.pdf'), '%PDF-1.4');
    const result = await runPizhu(['import', folder, '--db', temp.db, '--json']);
    const parsed = JSON.parse(result.out) as {
      summary: Record<string, number>;
      outcomes: Array<{ fileName: string; status: string; title?: string; message?: string }>;
    };
    expect(parsed.outcomes.map((o) => [o.fileName, o.status])).toEqual([
      ['news.rss › 图书馆延时', 'imported'],
      ['news.rss › 空条目', 'failed'],
      ['scan.pdf', 'skipped'],
    ]);
    expect(parsed.outcomes[0]!.title).toBe('图书馆延时');
    expect(parsed.outcomes[1]!.message).toMatch(/has no text in the feed/u);
    expect(parsed.outcomes[2]!.message).toMatch(/was skipped/u);
    expect(parsed.summary).toEqual({ imported: 1, skipped: 0, duplicates: 0, notImportable: 1, failed: 1 });
    expect(result.code).toBe(1);
  });

  it('does not fail on a folder whose only other files are of kinds Pizhu does not import', async () => {
    const folder = path.join(temp.dir, 'in');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'news.rss'), feed.replace(/<item><title>空条目.*<\/item>/u, ''));
    fs.writeFileSync(path.join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const result = await runPizhu(['import', folder, '--db', temp.db]);
    expect(result.out).toContain('skipped: photo.png: ');
    expect(result.out).toContain('1 imported, 0 skipped (already in the library), 1 skipped (not a kind of file Pizhu imports), 0 failed');
    expect(result.code).toBe(0);
  });
});
