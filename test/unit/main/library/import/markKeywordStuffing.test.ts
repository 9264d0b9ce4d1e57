import { describe, expect, it } from 'vitest';
import {
  countJoins,
  findInjectedFragments,
  titleFragments,
} from '../../../../../main/library/import/findInjectedFragments';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { seedText } from './seedTexts';

// Made-up articles, not seeds: the detector must work from each article's own title and text.

/** Pieces of the title (物流, 打通, 通道, 海丝, 核心, 厦门港) pushed in after punctuation, as in seed 000. */
const stuffed = `厦门港:打通物流大通道 服务“海丝核心区”

近年来,厦门港务集团持续推进港口转型升级,物流厦门港口吞吐能力不断提升,打通航线网络覆盖全球主要港口。2023年,通道厦门港务集团完成集装箱吞吐量1255万标箱,海丝同比增长2.1%,核心外贸航线数量达到180条,厦门港位居全国前列。
厦门港务集团相关负责人介绍,集团围绕“一带一路”建设,物流积极拓展东南亚、打通中东等新兴市场,新开通多条外贸航线。同时,集团加快建设智慧港口,自动化码头作业效率比传统码头提高两成以上。
在降低企业成本方面,厦门港口推出一系列惠企措施,减免部分港口作业费用,帮助外贸企业稳订单、拓市场。“过去货物在港口要等好几天,现在当天就能装船。”一家外贸企业负责人说。
物流企业也从中受益。随着海铁联运班列常态化开行,内陆省份的货物可以直接运抵码头,再经海运发往世界各地,运输时间缩短三分之一,综合物流成本下降一成多。
下一步,厦门港务集团将继续深化与沿线港口的合作,提升航运服务能级,为建设海丝核心区提供有力支撑。`;

/** Title words used the way writers use them: to start clauses, in quotes, to end sentences. */
const clean = `社区食堂:小饭桌撑起大民生 打造“幸福食光”

本报讯(记者 王小明)中午11点,家住湖里区的李阿姨准时来到社区食堂。“菜品多、价格实惠,一荤两素才12元。”李阿姨说,自从社区食堂开业,她再也不用为做饭发愁。
今年以来,全市新建社区食堂56家,累计服务老年人超过20万人次。社区食堂采取“政府补一点、企业让一点、个人出一点”的方式运营,让老人吃得起、吃得好。
小饭桌连着大民生。记者走访发现,不少社区食堂还推出了助餐配送服务,为行动不便的老人送餐上门。民生无小事,食堂虽小,却实实在在提升了居民的幸福感。
“食堂就在家门口,孩子们工作忙,我们自己也能照顾好自己。”80岁的陈大爷说。打造幸福食光,是社区的目标,也是居民的期盼。
下一步,我市将继续扩大社区食堂覆盖面,力争到年底实现城市社区全覆盖,让更多老人享受到家门口的幸福。`;

describe('markKeywordStuffing on an article it has never seen', () => {
  const article = parseArticle(stuffed, 'txt');
  const body = article.paragraphs.filter((p) => p.kind === 'body');

  it('hides exactly the injected pieces and flags the paragraphs that had them', () => {
    expect(body[0]?.flags).toEqual(['keyword-stuffed']);
    expect(body[0]?.removals.map((r) => r.text)).toEqual(['物流', '打通', '通道', '海丝', '核心', '厦门港']);
    expect(body[0]?.text).toBe(
      '近年来,厦门港务集团持续推进港口转型升级,厦门港口吞吐能力不断提升,航线网络覆盖全球主要港口。2023年,厦门港务集团完成集装箱吞吐量1255万标箱,同比增长2.1%,外贸航线数量达到180条,位居全国前列。',
    );
    expect(body[1]?.flags).toEqual(['keyword-stuffed']);
    expect(body[1]?.text).toBe(
      '厦门港务集团相关负责人介绍,集团围绕“一带一路”建设,积极拓展东南亚、中东等新兴市场,新开通多条外贸航线。同时,集团加快建设智慧港口,自动化码头作业效率比传统码头提高两成以上。',
    );
    expect(body.slice(2).every((p) => p.flags.length === 0 && p.removals.length === 0)).toBe(true);
  });

  it('keeps every removal recoverable', () => {
    for (const p of body) for (const r of p.removals) expect(p.raw.slice(r.start, r.end)).toBe(r.text);
  });
});

describe('markKeywordStuffing does not over-trigger', () => {
  it('leaves an article that uses its title words naturally alone', () => {
    const article = parseArticle(clean, 'txt');
    expect(article.paragraphs.flatMap((p) => p.flags)).toEqual([]);
    expect(article.paragraphs.flatMap((p) => p.removals)).toEqual([]);
  });

  it('leaves the seeds without stuffing alone', () => {
    for (const name of ['001', '002', '003', '004'] as const) {
      const flags = parseArticle(seedText(name), 'txt').paragraphs.flatMap((p) => p.flags);
      expect(flags).not.toContain('keyword-stuffed');
    }
  });
});

describe('findInjectedFragments', () => {
  const title = '扛起背包再出发';
  const text = '刑警们坚持不懈,背包案子不破,晋江市背包精神代代相传,再出发的队伍。';
  const joins = countJoins([text, '背包精神在传承,背包精神永驻'], title);

  it('takes 2 to 4 character pieces of the title, across word breaks', () => {
    const pieces = titleFragments('出发 守护“平安”');
    expect(pieces.has('发守')).toBe(true);
    expect(pieces.has('平安')).toBe(true);
    expect(pieces.has('出发守护平')).toBe(false);
  });

  it('finds a piece whose join is unique at a clause start, not one joined as usual', () => {
    const found = findInjectedFragments(text, titleFragments(title), joins);
    // 背包+案 occurs once, 背包+精 recurs: only the first 背包 is a candidate. 再出发 opens a
    // clause with a join (发的) found nowhere else, so it is one too: the caller weighs them.
    expect(found.map((f) => f.fragment)).toEqual(['背包', '再出发']);
  });

  it('leaves a piece inside an opening quote and pieces that fill a whole clause', () => {
    const quoted = '践行“晋江经验”,平安晋江,';
    expect(findInjectedFragments(quoted, titleFragments('守护平安晋江'), countJoins([quoted], '守护平安晋江'))).toEqual(
      [],
    );
  });
});
