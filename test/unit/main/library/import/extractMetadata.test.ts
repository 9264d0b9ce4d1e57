import { describe, expect, it } from 'vitest';
import {
  findAuthor,
  findDate,
  findLabelledSource,
  findLabelledUrl,
  findOutletCredit,
  findReporter,
  findUrl,
} from '../../../../../main/library/import/extractMetadata';
import { parseArticle } from '../../../../../main/library/import/parseArticle';

describe('metadata patterns', () => {
  it('reads dates as YYYY-MM-DD in the usual spellings, and refuses impossible ones', () => {
    expect(findDate('时间:2022-08-18')).toBe('2022-08-18');
    expect(findDate('http://x.cn  2023-09-15 08:52:50 严顺龙')).toBe('2023-09-15');
    expect(findDate('发布时间：2024年1月5日 10:00')).toBe('2024-01-05');
    expect(findDate('2021/3/9')).toBe('2021-03-09');
    expect(findDate('2021-13-40')).toBeNull();
    expect(findDate('8月1日')).toBeNull();
  });

  it('reads labelled values that run into the next label', () => {
    expect(findLabelledSource('来源:江西政法网 作者:佚名时间:2022-08-18')).toBe('江西政法网');
    expect(findLabelledSource('來源：中央社')).toBe('中央社');
    expect(findAuthor('来源:江西政法网 作者:佚名时间:2022-08-18')).toBeNull(); // 佚名: anonymous
    expect(findAuthor('作者：张三时间：2020-01-01')).toBe('张三');
  });

  it('finds authors in reporter credits and CMS lines', () => {
    expect(findAuthor('本报记者 林小杰 通讯员 黄子龙 庄凌龙')).toBe('林小杰');
    expect(findAuthor('http://wmf.fjsen.com  2023-09-15 08:52:50 严顺龙 来源:东南网 责任编辑:周冬')).toBe('严顺龙');
    expect(findAuthor('文/李四 图/王五')).toBe('李四');
    expect(findReporter('(閩南網記者 尤燕姿 通訊員 莊凌龍)')).toBe('尤燕姿');
  });

  it('finds the outlet of a dateline or of a bracketed credit, not the paper itself', () => {
    expect(findOutletCredit('東南网9月15日报道(福建日报记者 严顺龙)')).toBe('東南网');
    expect(findOutletCredit('……荣立集体一等功。(泉州晚报记者 张晓明 通讯员 庄松树)')).toBe('泉州晚报');
    expect(findOutletCredit('(本报记者 张三)')).toBeNull();
  });

  it('prefers a labelled link and trims trailing punctuation', () => {
    expect(findLabelledUrl('原文链接:http://www.jxzfw.gov.cn/2022/0816/2022081643216.html')).toBe(
      'http://www.jxzfw.gov.cn/2022/0816/2022081643216.html',
    );
    expect(findUrl('见 https://example.com/a?b=1。')).toBe('https://example.com/a?b=1');
    expect(findLabelledUrl('没有链接')).toBeNull();
  });
});

describe('titles', () => {
  it('infers a title from the opening words after the dateline when the text has none', () => {
    const text = '新华社北京1月2日电(记者 张三)今年春运期间,全国铁路客流创新高,多地增开夜间列车。\n更多内容见后文。';
    const { metadata } = parseArticle(text, 'paste');
    expect(metadata).toMatchObject({
      title: '今年春运期间',
      titleInferred: true,
      source: '新华社北京',
      author: '张三',
    });
  });

  it('falls back to the file name when there is no text to take a title from', () => {
    expect(parseArticle('', 'txt', '笔记.txt').metadata.title).toBe('笔记');
    expect(parseArticle('', 'paste').metadata.title).toBe('(untitled)');
  });

  it("takes a Markdown document's first heading as its title and hides the # marks", () => {
    const article = parseArticle(
      '# 一篇文章\n\n作者：张三\n\n## 第一节\n\n正文写在这里，而且写得相当长，足够当作正文的一段文字，没有问题。\n',
      'md',
    );
    expect(article.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['title', '一篇文章'],
      ['byline', '作者：张三'],
      ['heading', '第一节'],
      ['body', '正文写在这里，而且写得相当长，足够当作正文的一段文字，没有问题。'],
    ]);
    expect(article.paragraphs[0]?.removals).toEqual([{ start: 0, end: 2, text: '# ', reason: 'markup' }]);
    expect(article.metadata).toMatchObject({ title: '一篇文章', author: '张三' });
  });
});

describe('metadata from plain text', () => {
  const body = [
    '市体育局昨天在市体育中心举行春季运动会开幕式，来自全市各区的两千多名运动员参加了开幕式。',
    '本届运动会共设田径、游泳、篮球等十二个大项，比赛将持续五天，各区代表队将在各个项目中展开角逐。',
    '组委会表示，今年的运动会首次向市民开放报名，希望有更多市民参与到全民健身活动中来。',
  ].join('\n\n');
  const twBody = '台中市警方昨天破獲一個詐騙集團，逮捕嫌犯五人，查扣現金與手機多支，全案依詐欺罪嫌移送法辦。';

  it('reads an ROC date on a Taiwanese attribution line, and not in simplified text', () => {
    expect(parseArticle(`警方破獲詐騙集團\n\n發布時間：108/03/06 10:20\n\n${twBody}`, 'txt').metadata.publishedAt).toBe(
      '2019-03-06',
    );
    expect(
      parseArticle(`全市运动会开幕\n\n发布时间：108/03/06 10:20\n\n${body}`, 'txt').metadata.publishedAt,
    ).toBeNull();
  });

  it('reads closing credits: a bracketed reporter, a person named by 来源, the print edition', () => {
    expect(parseArticle(`全市运动会开幕\n\n${body}(信报记者 蔡雪婧)`, 'txt').metadata.author).toBe('蔡雪婧');
    const signed = parseArticle(`全市运动会开幕\n\n${body}\n\n来源: 尹娟`, 'txt').metadata;
    expect(signed).toMatchObject({ author: '尹娟', source: null });
    expect(
      parseArticle(`全市运动会开幕\n\n${body}\n\n《光明日报》（ 2022年02月13日 02版）`, 'txt').metadata,
    ).toMatchObject({
      source: '光明日报',
      publishedAt: '2022-02-13',
    });
  });

  it('names every reporter of a credit, never the editor', () => {
    const text = `全市运动会开幕\n\n${body}\n\n采写：南都记者 余毅菁 向雪妮\n\n作者：余毅菁 向雪妮返回首页\n\n责任编辑：张三`;
    expect(parseArticle(text, 'txt').metadata.author).toBe('余毅菁、向雪妮');
    expect(parseArticle(`全市运动会开幕\n\n${body}\n\n（责任编辑：张三）`, 'txt').metadata.author).toBeNull();
  });

  it('reads a date line and a credit line of their own near the top', () => {
    const clip = `全市运动会开幕\n\n2025-05-13\n\n00:00\n\n整理 | 华卫、核子可乐\n\n${body}`;
    expect(parseArticle(clip, 'txt').metadata).toMatchObject({ publishedAt: '2025-05-13', author: '华卫、核子可乐' });
  });

  it("reads an outlet's own dateline without a date (南方网讯)", () => {
    expect(findOutletCredit('南方网讯　薛凯琪新专辑再拿巨星开涮')).toBe('南方网');
    expect(findOutletCredit('本报讯 今天')).toBeNull();
  });
});
