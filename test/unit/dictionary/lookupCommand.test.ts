import { describe, expect, it } from 'vitest';
import type { WordLookup } from '../../../preload/contract/dictionaryTypes';
import { runPizhu } from '../../support/runPizhu';

/** Issue #17 item 6: pizhu lookup TEXT [--json] [--all], no library needed. */
describe('pizhu lookup', () => {
  it('prints the longest word at the start of TEXT, its readings, senses and regional forms', async () => {
    const run = await runPizhu(['lookup', '網際網路的發展']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('網際網路 / 网际网路  wǎng jì wǎng lù  ㄨㄤˇ ㄐㄧˋ ㄨㄤˇ ㄌㄨˋ');
    expect(run.out).toContain('1. (Tw) Internet');
    expect(run.out).toContain('简体 互联网');
    expect(run.out).toContain('shorter: 網際, 網');
  }, 60_000);

  it('answers JSON in the shape of the app\'s lookupWord, common readings before surnames', async () => {
    const run = await runPizhu(['lookup', '坐出租车', '--json']);
    const found = JSON.parse(run.out) as WordLookup;
    expect(found).toMatchObject({ start: 0, length: 1, word: '坐' });
    expect(found.entries[0]).toMatchObject({ pinyin: 'zuò' });
    expect(found.entries.at(-1)).toMatchObject({ pinyin: 'Zuò', senses: ['surname Zuo'] });
  }, 60_000);

  it('lists every word of TEXT with --all', async () => {
    const run = await runPizhu(['lookup', '--all', '银行行长坐計程車']);
    expect(run.code).toBe(0);
    expect(run.out.split('\n').map((line) => line.split('\t')[0])).toEqual(['银行', '行长', '坐', '計程車']);
    expect(run.out).toContain('行长\tháng zhǎng\tbank president');
  }, 60_000);

  it('says so, and exits 1, where no word starts; 2 without TEXT', async () => {
    const none = await runPizhu(['lookup', '。']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no dictionary word starts');
    expect((await runPizhu(['lookup'])).code).toBe(2);
  }, 60_000);
});
