import { describe, expect, it } from 'vitest';
import type { ParagraphKind } from '../../../../../preload/contract/articleTypes';
import type { ParsedArticle, ParsedParagraph } from '../../../../../main/library/import/parsedArticle';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { seedText } from './seedTexts';

function parse(name: Parameters<typeof seedText>[0]): ParsedArticle {
  return parseArticle(seedText(name), 'txt', `${name}.txt`);
}

function byRaw(article: ParsedArticle, start: string): ParsedParagraph {
  const found = article.paragraphs.filter((p) => p.raw.trimStart().startsWith(start));
  expect(found, `one paragraph starting ${start}`).toHaveLength(1);
  return found[0] as ParsedParagraph;
}

function textsOfKind(article: ParsedArticle, kind: ParagraphKind): string[] {
  return article.paragraphs.filter((p) => p.kind === kind).map((p) => p.text);
}

function flagged(article: ParsedArticle, flag: ParsedParagraph['flags'][number]): string[] {
  return article.paragraphs.filter((p) => p.flags.includes(flag)).map((p) => p.text.slice(0, 12));
}

describe('seed 000: repeated title, keyword stuffing, related stories', () => {
  const article = parse('000');
  const lead =
    '上世纪90年代,晋江市公安局刑侦大队坚持“案子发到哪、背包背到哪、地铺打到哪,案子不破兵不收”,不怕苦累,不畏艰险,成功破获了一系列大案要案难案。';

  it('takes the first line as the title and hides its repeat', () => {
    expect(article.metadata.title).toBe('晋江刑警:扛起背包再出发 守护“平安晋江”');
    expect(article.metadata.titleInferred).toBe(false);
    expect(textsOfKind(article, 'title')).toEqual(['晋江刑警:扛起背包再出发 守护“平安晋江”']);
    expect(byRaw(article, '晋江刑警被国务院授予').kind).toBe('boilerplate');
    expect(byRaw(article, '扛起背包再出发 守护').kind).toBe('boilerplate');
  });

  it('hides the injected title pieces of the stuffed paragraphs and keeps the original', () => {
    const stuffed = byRaw(article, '上世纪90年代');
    expect(stuffed.flags).toEqual(['keyword-stuffed']);
    expect(stuffed.text.startsWith(lead)).toBe(true);
    // The line holds a second sentence; the reader sees it cleaned the same way.
    expect(stuffed.text).toBe(
      lead +
        '1999年8月3日,国务院授予晋江市公安局刑侦大队“特别能战斗刑警队”荣誉称号,褒扬其“特别能吃苦、特别能奉献、特别能战斗”的“背包精神”。',
    );
    expect(stuffed.raw.startsWith('上世纪90年代,平安晋江晋江市公安局')).toBe(true);
    expect(stuffed.removals.map((r) => r.text)).toEqual([
      '平安晋江',
      '晋江',
      '扛起',
      '背包',
      '再出',
      '发守',
      '平安晋江',
      '晋江',
      '扛起',
      '背包',
      '再出',
      '发守',
      '平安晋江',
    ]);
    expect(stuffed.removals.every((r) => r.reason === 'injected-fragment')).toBe(true);

    const second = byRaw(article, '22年来');
    expect(second.flags).toEqual(['keyword-stuffed']);
    expect(second.removals.map((r) => r.text)).toEqual(['晋江', '扛起']);
    expect(second.text.startsWith('22年来,这支队伍坚持以人民为中心,践行“晋江经验”,')).toBe(true);
    expect(flagged(article, 'keyword-stuffed')).toHaveLength(2);
  });

  it('makes everything from 相关文章 on boilerplate, comments included', () => {
    const from = article.paragraphs.findIndex((p) => p.text === '相关文章');
    expect(from).toBeGreaterThan(0);
    const tail = article.paragraphs.slice(from);
    expect(tail.length).toBe(9);
    expect(tail.every((p) => p.kind === 'boilerplate')).toBe(true);
    expect(tail.at(-1)?.text).toBe('最新评论');
    expect(article.paragraphs.slice(0, from).filter((p) => p.kind === 'boilerplate')).toHaveLength(2);
  });

  it('finds the section headings and the reporter credit', () => {
    expect(textsOfKind(article, 'heading')).toEqual([
      '一个“拼”字 诠释新时代“背包精神”',
      '一个“创”字 书写“从警为民”的担当',
      '一个“廉”字 把执法质量当作“生命线”',
    ]);
    expect(article.metadata).toMatchObject({ source: '泉州晚报', author: '张晓明', publishedAt: null, url: null });
    expect(article.script).toBe('simplified');
  });
});

describe('seed 001: subtitle, byline, headings, captions, duplicate, fragment', () => {
  const article = parse('001');

  it('reads the head: title, subtitle, byline', () => {
    expect(article.metadata.title).toBe('治理更精细 平安更有感');
    expect(article.metadata.subtitle).toBe('晋江公安以平安底色提升群众幸福生活成色');
    expect(textsOfKind(article, 'byline')).toEqual(['本报记者 林小杰 通讯员 黄子龙 庄凌龙']);
    expect(article.metadata.author).toBe('林小杰');
    expect(article.paragraphs.slice(0, 3).map((p) => p.kind)).toEqual(['title', 'subtitle', 'byline']);
  });

  it('finds the numbered section headings', () => {
    expect(textsOfKind(article, 'heading')).toEqual([
      '01 多元共治 织密平安防护网',
      '02 数智赋能 提升新质战斗力',
      '03 安商护企 优化营商软环境',
      '04 背包引领 传承创新走前列',
    ]);
  });

  it('finds the lone image captions', () => {
    expect(textsOfKind(article, 'caption')).toEqual([
      '交通安全进校园',
      '民警向小朋友宣传防溺水知识。',
      '民警在夜市治安巡逻,守护城市烟火气。',
      '民警走进企业车间,开展安全隐患排查。',
      '民警、辅警提醒渔民加强安全防范。',
    ]);
  });

  it('flags the second copy of the repeated paragraph and the mid-sentence start', () => {
    const copies = article.paragraphs.filter((p) => p.text.startsWith('“以前办理员工居住证'));
    expect(copies.map((p) => p.flags)).toEqual([[], ['duplicate']]);
    expect(byRaw(article, '服务发展”的立体巡防体系').flags).toEqual(['fragment']);
    expect(flagged(article, 'duplicate')).toHaveLength(1);
    expect(flagged(article, 'fragment')).toHaveLength(1);
    expect(flagged(article, 'keyword-stuffed')).toEqual([]);
    expect(flagged(article, 'mojibake')).toEqual([]);
  });

  it('counts each kind', () => {
    expect(kindCounts(article)).toEqual({ title: 1, subtitle: 1, byline: 1, heading: 4, caption: 5, body: 29 });
    expect(article.script).toBe('simplified');
  });
});

describe('seed 002: no title, pinyin readings, mojibake, traditional', () => {
  const article = parse('002');

  it('infers a title from the opening words after the dateline', () => {
    expect(article.metadata.title).toBe('“背包”精神傳承26載');
    expect(article.metadata.titleInferred).toBe(true);
    expect(textsOfKind(article, 'title')).toEqual([]);
    expect(article.metadata).toMatchObject({ source: '閩南網', author: '尤燕姿', publishedAt: null });
  });

  it('hides every pinyin reading and keeps real parentheses', () => {
    const removals = article.paragraphs.flatMap((p) => p.removals);
    expect(removals).toHaveLength(73);
    expect(removals.every((r) => r.reason === 'pinyin-reading' && /^\([a-zü\u00e0-\u01dc]+\)$/u.test(r.text))).toBe(
      true,
    );
    const first = article.paragraphs[0];
    expect(
      first?.text.startsWith('閩南網8月1日訊(閩南網記者 尤燕姿 通訊員 莊凌龍 張金壇 文/圖)“背包”精神傳承26載'),
    ).toBe(true);
    expect(first?.raw.startsWith('閩南網(wǎng)8月1日訊(閩南網(wǎng)記者')).toBe(true);
    expect(byRaw(article, '出入境管理大隊一中隊').text).toContain('港澳居民來往內地通行證');
    expect(article.paragraphs.some((p) => /\p{Script=Han}\([a-zü\u00e0-\u01dc]+\)/u.test(p.text))).toBe(false);
  });

  it('flags the garbled run without rewriting it', () => {
    const garbled = byRaw(article, '已經(jīng)買好晚上的飛機');
    expect(garbled.flags).toEqual(['mojibake']);
    expect(garbled.text).toContain('當?shù)娜耍退闶桥乓粋€');
    expect(flagged(article, 'mojibake')).toHaveLength(1);
  });

  it('tells captions from section headings', () => {
    expect(textsOfKind(article, 'caption')).toEqual([
      '出入境民警送證上門',
      '出入境大隊民警為群眾辦理業務',
      '出入境大隊民警熱情為群眾服務',
      '許淑君在社區跟小朋友介紹玩手機游戲可能被詐騙',
      '小許在社區向群眾了解情況',
    ]);
    expect(textsOfKind(article, 'heading')).toEqual([
      '出入境管理大隊:出入有境,服務無界',
      '派出所社區民警:柴米油鹽,皆是警情',
      '賡續“背包”精神 傳承有溫度的服務',
    ]);
    expect(article.script).toBe('traditional');
  });
});

describe('seed 003: site chrome, attribution line, indentation, footer', () => {
  const article = parse('003');

  it('extracts the metadata', () => {
    expect(article.metadata).toEqual({
      title: '江西:接续奋斗,红土地上奏响平安之歌',
      titleInferred: false,
      subtitle: null,
      source: '江西政法网',
      author: null, // the page says 佚名 (anonymous)
      publishedAt: '2022-08-18',
      url: 'http://www.jxzfw.gov.cn/2022/0816/2022081643216.html',
    });
    expect(article.script).toBe('simplified');
  });

  it('hides the site chrome on top and every footer line from [免责声明] on', () => {
    expect(article.paragraphs.slice(0, 4).map((p) => p.kind)).toEqual([
      'boilerplate',
      'boilerplate',
      'title',
      'byline',
    ]);
    const from = article.paragraphs.findIndex((p) => p.text.startsWith('[免责声明]'));
    const footer = article.paragraphs.slice(from);
    expect(footer).toHaveLength(13);
    expect(footer.every((p) => p.kind === 'boilerplate')).toBe(true);
    expect(byRaw(article, '原文链接').kind).toBe('boilerplate');
    expect(byRaw(article, '来源/人民公安报').kind).toBe('byline');
  });

  it('hides the indentation as a removal', () => {
    // The seed indents with two spaces (U+0020) where the page had two full-width spaces.
    const indented = article.paragraphs.filter((p) => /^\s/u.test(p.raw));
    expect(indented.length).toBe(44);
    for (const p of indented) {
      expect(p.removals[0]).toEqual({ start: 0, end: 2, text: p.raw.slice(0, 2), reason: 'indentation' });
      expect(p.text).toBe(p.raw.slice(2));
    }
  });

  it('finds the two-line section headings', () => {
    expect(textsOfKind(article, 'heading').slice(0, 8)).toEqual([
      '铸魂',
      '从红色基因中汲取奋进力量',
      '担当',
      '将人民至上作为不懈追求',
      '奋进',
      '以创新驱动实现精准守护',
      '亮点工作',
      '信息化警务机制激发核心战斗力',
    ]);
  });
});

describe('seed 004: site chrome, CMS attribution line, dateline', () => {
  const article = parse('004');

  it('extracts the metadata', () => {
    expect(article.metadata).toMatchObject({
      title: '擦亮“人民的保护神”金字招牌——走进新时代“漳州110”',
      titleInferred: false,
      publishedAt: '2023-09-15',
      source: '东南网',
      author: '严顺龙',
      url: 'http://wmf.fjsen.com',
    });
    expect(article.script).toBe('simplified');
  });

  it('classifies the head and keeps the dateline paragraph as body', () => {
    expect(article.paragraphs.slice(0, 5).map((p) => [p.kind, p.text.slice(0, 8)])).toEqual([
      ['boilerplate', '文明福建'],
      ['boilerplate', '微信公众'],
      ['title', '擦亮“人民的保护'],
      ['byline', 'http://w'],
      ['body', '东南网9月15日'],
    ]);
    expect(textsOfKind(article, 'heading')).toEqual(['不忘初心 忠诚铸警魂', '牢记使命 创新谋发展']);
    // Nothing shown carries a cleaning note; each hidden line says why it is hidden.
    expect(article.paragraphs.filter((p) => p.kind !== 'boilerplate').every((p) => p.flags.length === 0)).toBe(true);
    expect(article.paragraphs.filter((p) => p.kind === 'boilerplate').map((p) => p.flags)).toEqual([
      ['page-chrome'],
      ['page-chrome'],
    ]);
  });
});

describe('all seeds', () => {
  it('leaves half-width punctuation alone', () => {
    for (const name of ['000', '001', '002', '003', '004'] as const) {
      const article = parse(name);
      for (const p of article.paragraphs) {
        for (const r of p.removals) expect(r.text).not.toMatch(/^[,:;!?()]+$/u);
      }
      expect(article.paragraphs.some((p) => p.text.includes(','))).toBe(true);
    }
  });
});

function kindCounts(article: ParsedArticle): Partial<Record<ParagraphKind, number>> {
  const counts: Partial<Record<ParagraphKind, number>> = {};
  for (const p of article.paragraphs) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
  return counts;
}
