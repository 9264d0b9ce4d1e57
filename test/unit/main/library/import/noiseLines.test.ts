import { describe, expect, it } from 'vitest';
import { noiseReason, opensFooter } from '../../../../../main/library/import/cleaning/noiseLines';
import { parseArticle } from '../../../../../main/library/import/parseArticle';

// Hand-made lines of each kind, folded to simplified as the cue patterns see them.
describe('page noise by line', () => {
  it('hides editor lines and 原标题 lines, with or without brackets, however the colon is written', () => {
    for (const line of [
      '责任编辑：张三',
      '责任编辑：',
      '【编辑:李四】',
      '（ 责任编辑：王五 ）',
      '（某某网编辑 赵六）',
      '校对：钱七',
      '编辑：孙八 返回新浪，查看更多',
      '原标题：快讯！某地发生某事',
    ])
      expect(noiseReason(line), line).toBe('editorial-note');
  });

  it('hides share, comment and font-size widgets and counters', () => {
    for (const line of [
      '分享到：',
      '转播到腾讯微博',
      '分享',
      'facebook',
      '4060 转发 微博 Qzone 微信',
      '1032人参与308评论',
      '打印 字体：放大 正常 缩小 分享',
      'A- A A+',
      '用户123456北京 10月23日17:26举报赞1回复',
    ])
      expect(noiseReason(line), line).toBe('page-chrome');
  });

  it('hides breadcrumbs, reading-time and player lines, decorative separators and end matter', () => {
    for (const line of [
      '资讯 > 社会 > 正文',
      '首页 > 频道 > 新闻摘要',
      '本文字数：1862 字',
      '阅读完需：约 6 分钟',
      '大小：934.92K 时长：05:19',
      '00:00/00:00',
      '**———— / BEGIN / ————**',
      '继续滑动看下一个',
      '文章关键词：',
    ])
      expect(noiseReason(line), line).toBe('page-chrome');
  });

  it('hides related-story links, promotions and advert blocks', () => {
    for (const line of [
      '此前报道：某人接受采访',
      '点击进入专题：',
      '视频-某人出狱 鞠躬致歉',
      '年度人物评选火热进行中！【点击投票】',
      '发送GP到6666 随时随地查行情',
      '· 医疗关注--某某新发现 · 皮肤顽疾----康复圣地',
      '光纤到户理想合作伙伴\t 某某奶销售额领先',
    ])
      expect(noiseReason(line), line).toBe('related-links');
  });

  it('hides rights, contact, address, hotline and subscription notices', () => {
    for (const line of [
      '原创版权禁止商业转载 授权>>',
      'Copyright (C) 2000-2001 example.com',
      '联系电话：010-12345678',
      '地址：北京市朝阳区某路9号',
      '新闻热线：12345678',
      '请加入成为本报的月费订户，长期支持我们的工作。',
      '您所浏览的新闻已过查询时效。建议您加入本社付费会员找寻您要的新闻。',
    ])
      expect(noiseReason(line), line).toBe('site-notice');
  });

  it('leaves the story alone: sentences, quotes, headings, bylines, datelines', () => {
    for (const line of [
      '铁路部门提醒广大旅客，请通过官方网站和客户端购票，不要轻信网传消息。',
      '他说：“我会记住他们对我的支持和鼓励。”',
      '“塞纸”疑云',
      '记者 张三 李四',
      '新华社北京4月24日电',
      '编辑部的故事很长',
      '分享经济正在改变城市的出行方式。',
      '东京、大阪、名古屋',
      '#萨塔·胡伊克',
      '顶端新闻·河南商报记者马俊峰/文',
    ])
      expect(noiseReason(line), line).toBeNull();
  });

  it('opens the footer at related, recommended and gallery blocks, decoration and all', () => {
    for (const line of [
      '相关新闻',
      '**———— / 推荐阅读 / ————**',
      '延伸 · 推荐',
      '【图集】',
      '热门推荐',
      '相关文章：某某事件',
    ])
      expect(opensFooter(line), line).toBe(true);
    for (const line of ['图集显示了当天的情形。', '推荐信是他写的', '上一次他来这里是十年前'])
      expect(opensFooter(line), line).toBe(false);
  });
});

describe('page noise in an article', () => {
  it('hides noise lines of a pasted page and keeps the story, its byline and its captions', () => {
    const page = [
      '某市举办首届灯会 市民夜游古城',
      '',
      '本报讯（记者 张三）昨晚，某市首届灯会在古城开幕，数万市民前来观灯，现场秩序井然。',
      '',
      '分享到：',
      '',
      '主办方表示，灯会将持续到本月底，每晚六点开放，市民可以在网上预约入场。',
      '',
      '图片来源：某某图片社 版权作品 请勿转载',
      '',
      '责任编辑：李四',
      '新闻热线：12345678',
    ].join('\n');
    const kinds = parseArticle(page, 'txt').paragraphs.map((p) => [p.kind, p.text]);
    expect(kinds).toEqual([
      ['title', '某市举办首届灯会 市民夜游古城'],
      ['body', '本报讯（记者 张三）昨晚，某市首届灯会在古城开幕，数万市民前来观灯，现场秩序井然。'],
      ['boilerplate', '分享到：'],
      ['body', '主办方表示，灯会将持续到本月底，每晚六点开放，市民可以在网上预约入场。'],
      ['caption', '图片来源：某某图片社 版权作品 请勿转载'],
      ['boilerplate', '责任编辑：李四'],
      ['boilerplate', '新闻热线：12345678'],
    ]);
    // Each hidden line says why, in the reader's terms (the flag's words are in the catalogs).
    const reasons = parseArticle(page, 'txt')
      .paragraphs.filter((p) => p.kind === 'boilerplate')
      .map((p) => p.flags);
    expect(reasons).toEqual([['page-chrome'], ['editorial-note'], ['site-notice']]);
  });

  it("hides a portal box's title when a 更多 link follows it", () => {
    const page = [
      '某地举办首届灯会 市民夜游古城',
      '',
      '本报讯（记者 张三）昨晚，某市首届灯会在古城开幕，数万市民前来观灯，现场秩序井然。',
      '',
      '今日焦点',
      '更多',
      '',
      '主办方表示，灯会将持续到本月底，每晚六点开放，市民可以在网上预约入场。',
    ].join('\n');
    const kinds = parseArticle(page, 'txt').paragraphs.map((p) => [p.kind, p.text]);
    expect(kinds).toContainEqual(['boilerplate', '今日焦点']);
    expect(kinds).toContainEqual(['boilerplate', '更多']);
  });

  const story = [
    '某地举办首届灯会 市民夜游古城',
    '',
    '本报讯（记者 张三）昨晚，某市首届灯会在古城开幕，数万市民前来观灯，现场秩序井然。',
    '',
    '主办方表示，灯会将持续到本月底，每晚六点开放，市民可以在网上预约入场。',
    '',
    '主办方提醒市民，请通过官方网站和“某某文旅”客户端预约，避免通过非正常渠道购票。',
    '',
  ];

  it('ends the story at its closing editor line: an unrelated story after it is hidden', () => {
    const page = [
      ...story,
      '责任编辑：李四',
      '',
      '另一地发生山火 消防员连夜扑救',
      '',
      '消防部门表示，火势已经得到控制，没有人员伤亡，原因正在调查之中。',
    ];
    const kinds = parseArticle(page.join('\n'), 'txt').paragraphs.map((p) => p.kind);
    expect(kinds).toEqual(['title', 'body', 'body', 'body', 'boilerplate', 'boilerplate', 'boilerplate']);
  });

  it('hides a list of linked stories that each carry their date', () => {
    const page = [
      ...story,
      '观察员',
      '【某专栏】拖长的谈判使局面化被动为主动',
      '2019-09-07',
      '美国梦早已跌下神坛？',
      '2019-09-07',
    ];
    const kinds = parseArticle(page.join('\n'), 'txt').paragraphs.map((p) => p.kind);
    expect(kinds).toEqual([
      'title',
      'body',
      'body',
      'body',
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'boilerplate',
    ]);
  });

  it('keeps a sentence that names an app or its client, and hides a promotion inside a line', () => {
    const page = [
      '“只有潮水退了才知道谁在裸泳”，年度人物评选火热进行中！【点击投票】Pick你心目中的领袖',
      '',
      ...story.slice(2),
    ];
    const kinds = parseArticle(page.join('\n'), 'txt').paragraphs.map((p) => [p.kind, p.text.slice(0, 8)]);
    expect(kinds[0]?.[0]).toBe('boilerplate');
    expect(kinds.at(-1)).toEqual(['body', '主办方提醒市民，']);
  });
});
