import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionComparison } from '../../preload/contract/compareTypes';
import { createLibrary, type Library } from '../../main/library/createLibrary';
import { createFakeElectron } from '../support/fakeElectron';
import { appUrl, registerAppHandlers } from '../support/wiredHandlers';

const original = [
  '北京冬奥会志愿者招募工作正式启动',
  '本报北京12月5日电 北京冬奥组委今天宣布，北京2022年冬奥会和冬残奥会赛会志愿者招募工作正式启动，预计招募赛会志愿者2.7万人。',
  '报名者须年满18周岁，身体健康，具备良好的外语能力者优先。招募工作将持续到明年3月。',
  '冬奥组委志愿者部负责人表示，志愿者将在竞赛场馆、非竞赛场馆等岗位开展服务。',
].join('\n\n');

/** A Taiwan outlet's repost: traditional, one sentence edited, a paragraph of its own, the last cut. */
const repost = [
  '北京冬奧會志願者招募工作正式啟動',
  '本報北京12月5日電 北京冬奧組委今天宣布，北京2022年冬奧會和冬殘奧會賽會志願者招募工作正式啟動，預計招募賽會志願者3萬人。',
  '報名者須年滿18周歲，身體健康，具備良好的外語能力者優先。招募工作將持續到明年3月。',
  '據了解，港澳台地區居民亦可通過網上報名系統提交申請，名額另行公布。',
].join('\n\n');

describe('two versions of one story compared, as the reader asks for them', () => {
  let dir: string;
  let library: Library;
  let fake: ReturnType<typeof createFakeElectron>;
  const call = (request?: unknown) => fake.callFrom(appUrl, 'pizhu:compareArticles', request);
  let left = 0;
  let right = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-wiring-compare-'));
    library = await createLibrary({ dbPath: path.join(dir, 'library.sqlite') });
    left = library.importText(original, '人民日报').articleId!;
    right = library.importText(repost, '聯合報').articleId!;
    fake = createFakeElectron();
    registerAppHandlers(fake, { library });
  });
  afterAll(() => {
    library.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the paragraphs aligned, what each added or cut, and the characters changed', async () => {
    const answer = (await call({ left, right })) as { ok: true; value: VersionComparison };
    expect(answer.ok).toBe(true);
    const { value } = answer;
    expect(value.left.articleId).toBe(left);
    expect(value.right).toMatchObject({ articleId: right, script: 'traditional' });
    expect(value.counts).toEqual({ same: 2, changed: 1, onlyLeft: 1, onlyRight: 1 });
    const changed = value.rows.find((r) => r.kind === 'changed')!;
    expect(changed.leftChanges.map((r) => changed.left!.text.slice(r.start, r.end))).toEqual(['2.7']);
    expect(changed.rightChanges.map((r) => changed.right!.text.slice(r.start, r.end))).toEqual(['3']);
    expect(value.rows.find((r) => r.kind === 'only-right')!.right!.text).toContain('港澳台');
    expect(value.rows.find((r) => r.kind === 'only-left')!.left!.text).toContain('志愿者部');
  });

  it('refuses a malformed request, the same article twice, and an article that is not there', async () => {
    expect(await call({ left })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ left, right: 'two' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ left, right, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ left, right: left })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call({ left, right: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
