import { describe, expect, it } from 'vitest';
import type { ParagraphKind } from '../../../../../preload/contract/articleTypes';
import { parseArticle } from '../../../../../main/library/import/parseArticle';

// Small made-up pages, one rule each: the rules describe kinds of lines, not these words.
function kinds(text: string): [ParagraphKind, string][] {
  return parseArticle(text, 'txt').paragraphs.map((p) => [p.kind, p.text]);
}

const body = '今年以来,全市新建社区食堂56家,累计服务老年人超过20万人次,让老人吃得起、吃得好,受到居民普遍欢迎。';

describe('classifyParagraphs', () => {
  it('reads a page head: navigation, title, subtitle, attribution', () => {
    expect(
      kinds(
        `首页 > 新闻中心 > 本地\n频道\n社区食堂撑起大民生\n小饭桌里的幸福生活\n发布时间：2024-05-06  来源：某某日报\n${body}`,
      ),
    ).toEqual([
      ['boilerplate', '首页 > 新闻中心 > 本地'],
      ['boilerplate', '频道'],
      ['title', '社区食堂撑起大民生'],
      ['subtitle', '小饭桌里的幸福生活'],
      ['byline', '发布时间：2024-05-06  来源：某某日报'],
      ['body', body],
    ]);
  });

  it('hides a headline printed again under the title, kicker included', () => {
    expect(kinds(`社区食堂:小饭桌撑起大民生\n全市新建社区食堂56家\n小饭桌撑起大民生\n${body}`).map(([k]) => k)).toEqual(
      ['title', 'boilerplate', 'boilerplate', 'body'],
    );
  });

  it('treats everything from a footer line on as boilerplate', () => {
    const page = `标题在这里写得长一些\n${body}\n相关阅读\n另一条新闻的标题也很长。\n${body}\n网友评论`;
    expect(kinds(page).map(([k]) => k)).toEqual([
      'title',
      'body',
      'boilerplate',
      'boilerplate',
      'boilerplate',
      'boilerplate',
    ]);
  });

  it('finds headings by shape: short lines that are no sentence, numbered or bulleted lines', () => {
    const page = `标题在这里写得长一些\n${body}\n一、加强组织领导\n${body}\n稳步推进 久久为功\n${body}\n▲受访居民:\n${body}`;
    expect(
      kinds(page)
        .filter(([k]) => k === 'heading')
        .map(([, t]) => t),
    ).toEqual(['一、加强组织领导', '稳步推进 久久为功', '▲受访居民:']);
  });

  it('finds captions by wording, by the hole around them, and by their people-at-a-scene shape', () => {
    const page = [
      '标题在这里写得长一些',
      '',
      body,
      '',
      '图为志愿者为老人送餐',
      '',
      body,
      '',
      '',
      '',
      '食堂一角',
      '',
      '',
      '',
      body,
      '',
      '工作人员在厨房准备午餐。',
      '',
      body,
      '',
      '厨房里的一天(记者 张三 摄)',
    ].join('\n');
    expect(
      kinds(page)
        .filter(([k]) => k === 'caption')
        .map(([, t]) => t),
    ).toEqual(['图为志愿者为老人送餐', '食堂一角', '工作人员在厨房准备午餐。', '厨房里的一天(记者 张三 摄)']);
  });

  it('keeps short sentences of the story as body', () => {
    const page = `标题在这里写得长一些\n${body}\n一个地方、一个系统,需要一面旗帜。\n“远亲不如近邻。”他说。\n${body}`;
    expect(kinds(page).map(([k]) => k)).toEqual(['title', 'body', 'body', 'body', 'body']);
  });

  it('reads a wire story page it was not written for', () => {
    const page = [
      '首页 | 国内 | 国际 | 财经',
      '神舟二十号载人飞船发射取得圆满成功',
      '2025-04-24 17:30:12 来源：新华网',
      '',
      '新华社酒泉4月24日电（记者 李国利 黄一宸）北京时间4月24日17时17分，运载火箭在酒泉卫星发射中心点火发射，约10分钟后，飞船与火箭成功分离，进入预定轨道，发射取得圆满成功。',
      '',
      '飞船入轨后，将按照预定程序与空间站组合体进行自主快速交会对接。',
      '',
      '4月24日，运载火箭在酒泉卫星发射中心点火发射。新华社记者 李刚 摄',
      '',
      '后续，两个航天员乘组将进行在轨轮换。（完）',
      '',
      '【责任编辑：王小明】',
      '相关新闻',
      '神舟十九号乘组即将返回',
    ].join('\n');
    const article = parseArticle(page, 'txt');
    expect(article.paragraphs.map((p) => p.kind)).toEqual([
      'boilerplate',
      'title',
      'byline',
      'body',
      'body',
      'caption',
      'body',
      'boilerplate', // 【责任编辑：…】: the editor is no author, and the line is page furniture (issue 14)
      'boilerplate',
      'boilerplate',
    ]);
    expect(article.metadata).toMatchObject({ source: '新华网', author: '李国利、黄一宸', publishedAt: '2025-04-24' });
    // No cleaning note on what is shown; each hidden line says why it is hidden.
    expect(article.paragraphs.map((p) => p.flags)).toEqual([
      ['page-chrome'],
      [],
      [],
      [],
      [],
      [],
      [],
      ['editorial-note'],
      ['related-links'],
      ['related-links'],
    ]);
  });
});
