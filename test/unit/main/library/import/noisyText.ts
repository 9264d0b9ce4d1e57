/** A seeded generator of messy article text for property tests: every kind of noise the importer meets. */

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hanzi =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const punctuation = ',,,。。、“”:;!?()…《》—';
const pinyin = ['(wǎng)', '(qū)', '(nèi)', '(jiāng)', '(xiàn)', '(zhàn)', '（lǜ）', '(ma5)', '(shì jiè)'];
const parentheticals = ['(记者 王明)', '(APP)', '(a)', '(2025)', '（图）', '(本报讯)'];
const blanks = ['', '', '', ' ', '\u3000', '\t', '  \u3000 '];
const breaks = ['\n', '\n', '\n', '\r\n', '\r'];
const specials = ['😀', '𠀀', 'é', 'ü', '\u00a0', '\ufeff', '€', '?', '#', '-', '>', '[', ']', '*'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function chineseRun(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.1) out += pick(random, [...punctuation]);
    else if (r < 0.12) out += String(Math.floor(random() * 2030));
    else if (r < 0.13) out += pick(random, specials);
    else out += pick(random, [...hanzi]);
  }
  return out;
}

/** Pieces of the title pushed into a line after punctuation, the way keyword stuffers do. */
function injectPieces(random: Random, line: string, title: string): string {
  const chars = [...title.replace(/[\p{P}\s]/gu, '')];
  return line.replace(/[,，、。]/gu, (mark) => {
    if (random() < 0.5 || chars.length < 2) return mark;
    const n = 2 + Math.floor(random() * 3);
    const at = Math.floor(random() * Math.max(1, chars.length - n));
    return mark + chars.slice(at, at + n).join('');
  });
}

function withPinyin(random: Random, line: string): string {
  return [...line]
    .map((ch) => (/\p{Script=Han}/u.test(ch) && random() < 0.08 ? ch + pick(random, pinyin) : ch))
    .join('');
}

function oneLine(random: Random, title: string): string {
  const r = random();
  if (r < 0.05) return `原文链接:https://example.com/${Math.floor(random() * 1e6)}.html`;
  if (r < 0.08)
    return pick(random, [
      '相关文章',
      '最新评论',
      '首页 > 新闻',
      '欢迎访问本站!',
      '来源:某某网 作者:佚名 时间:2024-01-02',
    ]);
  if (r < 0.12)
    return `${'#'.repeat(1 + Math.floor(random() * 3))} ${chineseRun(random, 4 + Math.floor(random() * 10))}`;
  if (r < 0.15) return title;
  let line = chineseRun(random, 3 + Math.floor(random() * 90));
  if (random() < 0.3) line = injectPieces(random, line, title);
  if (random() < 0.3) line = withPinyin(random, line);
  if (random() < 0.2) line += pick(random, parentheticals);
  if (random() < 0.3) line = pick(random, ['\u3000\u3000', '  ', '\t', ' \u3000']) + line;
  if (random() < 0.1) line += pick(random, [' ', '\u3000', '  \t']);
  return line;
}

/** A hard-wrapped paragraph: one long run cut every `width` characters. */
function wrapped(random: Random, width: number): string[] {
  const run = [...chineseRun(random, width * (2 + Math.floor(random() * 4)))];
  const lines: string[] = [];
  for (let i = 0; i < run.length; i += width) lines.push(run.slice(i, i + width).join(''));
  return lines;
}

export function noisyArticle(random: Random): string {
  const title = chineseRun(random, 6 + Math.floor(random() * 20)).replace(/[。]/gu, '');
  const lines: string[] = random() < 0.2 ? ['', ''] : [];
  if (random() < 0.7) lines.push(title);
  const count = Math.floor(random() * 25);
  const wrapWidth = 20 + Math.floor(random() * 20);
  const hardWrapped = random() < 0.15; // a whole file wrapped at one width, as plain-text exports are
  for (let i = 0; i < count; i++) {
    if (hardWrapped || random() < 0.08) lines.push(...wrapped(random, wrapWidth));
    else lines.push(oneLine(random, title));
    const gap = random() < 0.5 ? 0 : Math.floor(random() * 4);
    for (let g = 0; g < gap; g++) lines.push(pick(random, blanks));
  }
  let text = (random() < 0.1 ? '\ufeff' : '') + lines.map((l) => l + pick(random, breaks)).join('');
  if (random() < 0.5) text = text.replace(/(\r\n|\r|\n)$/u, '');
  return text;
}
