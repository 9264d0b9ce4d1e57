import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/**
 * Issue #15 items 6 and 7: pizhu overrides list|import|export handles the term list as CSV, and
 * show --script and a Markdown export in a script read the article with the library's overrides.
 */
const temp = tempLibraryEachTest('pizhu-overrides-');

const taiwanArticle = [
  '計程車業者轉型',
  '記者王小明／台北報導',
  '這套軟體透過網際網路更新，使用者可以在網路上下載。',
  '總經理嚴華郁表示，明年將推出新的軟體。',
].join('\n\n');

describe('pizhu overrides', () => {
  it('imports a term list, reports its skipped lines, lists and exports it; show --script and export use it', async () => {
    const article = path.join(temp.dir, 'taiwan.txt');
    fs.writeFileSync(article, taiwanArticle);
    expect((await runPizhu(['import', article, '--db', temp.db])).code).toBe(0);
    // Before: OpenCC's tw2sp reads 軟體 as 软件 and 網際網路 as 互联网.
    const before = await runPizhu(['show', '1', '--script', 'cn', '--db', temp.db]);
    expect(before.out).toContain('这套软件透过互联网更新');

    const terms = path.join(temp.dir, 'terms.csv');
    fs.writeFileSync(
      terms,
      'source,target,modes\n軟體,软体,cn\n網際網路,网路,cn hk\n嚴華郁,严华郁,cn\n網路,网络,klingon\n',
    );
    const imported = await runPizhu(['overrides', 'import', terms, '--db', temp.db]);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(
      'line 5: skipped (a mode that is not one of cn, t, tw, twp, hk)\n3 added, 0 updated, 0 already so, 1 lines skipped (one undo step in the app)',
    );

    const listed = await runPizhu(['overrides', 'list', '--db', temp.db]);
    expect(listed.out.split('\n').map((line) => line.split('\t').slice(1).join(' '))).toEqual([
      '嚴華郁 严华郁 cn',
      '網際網路 网路 cn hk',
      '軟體 软体 cn',
      '',
    ]);
    expect(listed.out.endsWith('3 overrides')).toBe(true);

    const shown = await runPizhu(['show', '1', '--script', 'cn', '--db', temp.db]);
    expect(shown.out).toContain('这套软体透过网路更新');
    expect(shown.out).toContain('总经理严华郁表示，明年将推出新的软体。');
    // Other modes are untouched: the overrides name cn (and hk for 網際網路).
    const taiwanPhrases = await runPizhu(['show', '1', '--script', 'twp', '--db', temp.db]);
    expect(taiwanPhrases.out).toContain('這套軟體透過網際網路更新');

    const out = path.join(temp.dir, 'md');
    expect(
      (
        await runPizhu([
          'export',
          '--format',
          'md',
          '--out',
          out,
          '--article',
          '1',
          '--full-text',
          '--script',
          'cn',
          '--db',
          temp.db,
        ])
      ).code,
    ).toBe(0);
    const exported = fs.readdirSync(out).filter((name) => name.endsWith('.md'));
    const markdown = exported.map((name) => fs.readFileSync(path.join(out, name), 'utf8')).join('\n');
    expect(markdown).toContain('这套软体透过网路更新');
    expect(markdown).not.toContain('互联网');

    const written = path.join(temp.dir, 'out.csv');
    expect((await runPizhu(['overrides', 'export', written, '--db', temp.db])).out).toBe(
      `3 overrides written to ${written}`,
    );
    expect(fs.readFileSync(written, 'utf8')).toBe(
      '\uFEFFsource,target,modes\r\n嚴華郁,严华郁,cn\r\n網際網路,网路,cn hk\r\n軟體,软体,cn\r\n',
    );
  });

  it('pizhu import-backup says how many overrides a backup added', async () => {
    const terms = path.join(temp.dir, 'terms.csv');
    fs.writeFileSync(terms, 'source,target,modes\n軟體,软体,cn\n');
    expect((await runPizhu(['overrides', 'import', terms, '--db', temp.db])).code).toBe(0);
    const backup = path.join(temp.dir, 'backup.json');
    expect((await runPizhu(['export', '--format', 'json', '--out', backup, '--db', temp.db])).code).toBe(0);
    const other = path.join(temp.dir, 'other.sqlite');
    const merged = await runPizhu(['import-backup', backup, '--db', other]);
    expect(merged.out).toContain('overrides: 1 added');
    expect((await runPizhu(['overrides', 'list', '--db', other])).out).toContain('軟體\t软体\tcn');
  });

  it('refuses a file that is no term list, and a wrong use, with a message', async () => {
    const bad = path.join(temp.dir, 'bad.csv');
    fs.writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]));
    const refused = await runPizhu(['overrides', 'import', bad, '--db', temp.db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('"bad.csv" is not UTF-8 text');
    expect((await runPizhu(['overrides', 'list', '--db', temp.db])).out).toBe('0 overrides');
    const wrong = await runPizhu(['overrides', 'import', '--db', temp.db]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('overrides takes list, import FILE or export FILE');
  });
});
