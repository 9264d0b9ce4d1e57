import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPizhu, tempLibraryEachTest } from '../../../support/runPizhu';

/** Issue #15, item 7: pizhu show ID --script MODE prints the whole article converted, for its region. */
const temp = tempLibraryEachTest('pizhu-show-script-');

const taiwanArticle = [
  '計程車業者轉型',
  '記者王小明／台北報導',
  '他搭計程車到立法院，看著窗外的捷運站，心裡想著下午的會議。',
  '這套軟體透過網際網路更新，使用者可以在網路上下載。',
].join('\n\n');

describe('pizhu show --script', () => {
  it('prints every paragraph in the mode, converted as a Taiwan article (計程車 -> 出租车, 網際網路 -> 互联网)', async () => {
    const file = path.join(temp.dir, 'taiwan.txt');
    fs.writeFileSync(file, taiwanArticle);
    expect((await runPizhu(['import', file, '--db', temp.db])).code).toBe(0);
    const shown = await runPizhu(['show', '1', '--script', 'cn', '--db', temp.db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('# 出租车业者转型');
    expect(shown.out).toContain('script: traditional; region: taiwan; shown as: cn');
    expect(shown.out).toContain('他搭出租车到立法院，看着窗外的捷运站，心里想着下午的会议。');
    expect(shown.out).toContain('这套软件透过互联网更新，用户可以在网络上下载。');
    expect(shown.out).not.toMatch(/計程車|網際網路/);

    const original = await runPizhu(['show', '1', '--db', temp.db]);
    expect(original.out).toContain('他搭計程車到立法院');

    const json = JSON.parse((await runPizhu(['show', '1', '--script', 'cn', '--db', temp.db, '--json'])).out) as {
      region: string;
      paragraphs: Array<{ text: string; displayText: string }>;
    };
    expect(json.region).toBe('taiwan');
    const body = json.paragraphs.find((p) => p.text.includes('網際網路'))!;
    expect(body.displayText).toContain('互联网');
  });

  it('pizhu convert reads Taiwan text as the reader does, and takes --region', async () => {
    expect((await runPizhu(['convert', '--to', 'cn'], '他搭計程車上網際網路，看著窗外，心裡想著\n')).out).toBe(
      '他搭出租车上互联网，看着窗外，心里想着',
    );
    expect((await runPizhu(['convert', '--to', 'cn', '--region', 'generic'], '他搭計程車上網際網路')).out).toBe(
      '他搭计程车上网际网路',
    );
    expect((await runPizhu(['convert', '--to', 'cn', '--region', 'mars'], '計程車')).code).toBe(2);
  });
});
