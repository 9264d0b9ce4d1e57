import { describe, expect, it } from 'vitest';
import { prepareFileImport } from '../../../../../../main/library/import/prepareImport';

function importPage(html: string) {
  return prepareFileImport(new TextEncoder().encode(html), 'page.html').parsed.metadata;
}

const story =
  '<p>市体育局昨天在市体育中心举行春季运动会开幕式，来自全市各区的两千多名运动员参加了开幕式，场面十分热烈。</p>' +
  '<p>本届运动会共设田径、游泳、篮球等十二个大项，比赛将持续五天，各区代表队将在各个项目中展开激烈角逐。</p>' +
  '<p>组委会表示，今年的运动会首次向市民开放报名，希望有更多市民参与到全民健身活动中来，共享运动的快乐。</p>';

describe('HTML article metadata', () => {
  it('takes what the page says over guesses, with the site suffix off the title', () => {
    const html = `<html><head><title>全市运动会开幕_体育_某某网</title><meta property="og:title" content="全市运动会开幕">
      <meta property="og:url" content="https://www.example.cn/a/1.html"><meta name="pubdate" content="2024-04-01 10:00"></head>
      <body><h1>全市运动会开幕</h1><div>2024-04-01 10:00 来源：某某日报</div><div>本报记者 王小明</div><article>${story}</article></body></html>`;
    expect(importPage(html)).toMatchObject({
      title: '全市运动会开幕',
      titleInferred: false,
      source: '某某日报',
      author: '王小明',
      publishedAt: '2024-04-01',
      url: 'https://www.example.cn/a/1.html',
    });
  });

  it('leaves the author empty when only a site name or an editor is credited', () => {
    const html = `<html><head><title>全市运动会开幕 - 某某网</title><meta name="author" content="某某新聞網"></head>
      <body><h1>全市运动会开幕</h1><div class="author byline">某某新聞網</div><article>${story}</article><p>责任编辑：李四</p></body></html>`;
    expect(importPage(html).author).toBeNull();
  });
});
