import { describe, expect, it } from 'vitest';
import { inlineBreaks } from '../../../../../main/library/import/cleaning/inlineBreaks';
import { parseArticle } from '../../../../../main/library/import/parseArticle';
import { reassembleRaw } from '../../../../../main/library/import/reassembleRaw';

const a =
  '台南一對新人舉行婚宴，擺放的婚紗相本竟然遭到陌生男子偷走，調閱監視器發現男子趁著新郎新娘送客時偷偷摸摸拿走。';
const b = '男子背著斜背包，摸著嘴巴東張西望，走到喜宴簽到桌伸手一拿，偷走一本白色相本，偷完東西後在會場裡走來走去。';
const c = '雖然不是錢財，但婚紗照相本對這對新人來說是無價，只希望這名竊賊趕快還他們美好回憶。';

function pieces(line: string): string[] {
  return inlineBreaks(line).map((p) => line.slice(p.from, p.to));
}

describe('paragraphs run together on one line', () => {
  it('splits at runs of spaces and at the single space after a sentence', () => {
    expect(pieces(`${a}     ${b}  ${c}`)).toEqual([a, b, c]);
    expect(pieces(`${a} ${b}\u3000${c}`)).toEqual([a, b, c]);
    expect(pieces(`「怎麼會這樣？」 ${b} ${c}`)).toEqual(['「怎麼會這樣？」', b, c]);
  });

  it('splits a caption with its reporter credit off the sentence it was run on after', () => {
    const caption = '新興警分局巡佐歐任辛（左）自習日文時期，妻子是他的得力助手。記者林保光／翻攝';
    expect(pieces(`${a}${caption}   分享       facebook          ${c}`)).toEqual([a, caption, '分享', 'facebook', c]);
  });

  it('splits captions glued together after their credits', () => {
    const line = `${a}${b} 鄭鈺蓉從警2年，但表現不讓鬚眉。警方提供方男躲暗巷遭警活逮。翻攝畫面方男在警力包圍下束手就擒。翻攝畫面`;
    expect(pieces(line)).toEqual([
      `${a}${b}`,
      '鄭鈺蓉從警2年，但表現不讓鬚眉。警方提供',
      '方男躲暗巷遭警活逮。翻攝畫面',
      '方男在警力包圍下束手就擒。翻攝畫面',
    ]);
  });

  it('leaves short lines, single spaces inside a sentence and running credits alone', () => {
    expect(pieces('女警勇闖暗巷圍捕\u3000落跑慣竊被捕')).toEqual(['女警勇闖暗巷圍捕\u3000落跑慣竊被捕']);
    const keywordLinks = `${a}見前方有酒測 臨檢 點，竟不顧其他人安全。警方提供的資料顯示他多次酒駕，這次又被查獲。`;
    expect(pieces(keywordLinks)).toEqual([keywordLinks]);
  });

  it('makes the pieces paragraphs of their own and loses no character', () => {
    const text = `標題在這裡\n\n${a}     ${b} ${c}`;
    const article = parseArticle(text, 'txt');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['標題在這裡', a, b, c]);
    expect(reassembleRaw(text, article.paragraphs)).toBe(text);
  });
});
