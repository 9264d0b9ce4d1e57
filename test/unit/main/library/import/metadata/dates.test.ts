import { describe, expect, it } from 'vitest';
import { dateLineDate, parseDate } from '../../../../../../main/library/import/metadata/dates';

describe('parseDate', () => {
  it('reads the common written forms as YYYY-MM-DD', () => {
    expect(parseDate('2019-09-09 16:19')).toBe('2019-09-09');
    expect(parseDate('2019年06月15日08:18')).toBe('2019-06-15');
    expect(parseDate('2019/3/6')).toBe('2019-03-06');
    expect(parseDate('2018-07-31T08:19:35Z')).toBe('2018-07-31');
    expect(parseDate('2016/03/19 08:15')).toBe('2016-03-19');
  });

  it('takes the day as written, whatever time zone the page claims', () => {
    expect(parseDate('2018-07-31T23:30:00-08:00')).toBe('2018-07-31');
  });

  it('reads ROC years: 民國 anywhere, bare 108/03/06 only in Taiwanese text', () => {
    expect(parseDate('民國108年3月6日')).toBe('2019-03-06');
    expect(parseDate('108/03/06', { taiwan: true })).toBe('2019-03-06');
    expect(parseDate('108/03/06')).toBeNull();
  });

  it('refuses impossible dates and partial ones', () => {
    expect(parseDate('2021-13-40')).toBeNull();
    expect(parseDate('8月1日')).toBeNull();
    expect(parseDate('12345-01-01')).toBeNull();
  });
});

describe('dateLineDate', () => {
  it('reads a page header date line, with a label, a site address or an outlet beside it', () => {
    expect(dateLineDate('2019-09-07 09:25:09 字号：A- A A+ 来源：观察者网')).toBe('2019-09-07');
    expect(dateLineDate('时间：2019-09-18 06:23 来源：山西日报')).toBe('2019-09-18');
    expect(dateLineDate('http://www.sina.net 2005年03月21日 11:21 《理财周刊》')).toBe('2005-03-21');
    expect(dateLineDate('原创 南方都市报 2019-09-09 16:01:46')).toBe('2019-09-09');
  });

  it('refuses a date inside a sentence or after a headline in a list', () => {
    expect(dateLineDate('2017年6月23日，山东省高级人民法院认定于欢属防卫过当。')).toBeNull();
    expect(dateLineDate('台风“浣熊”加强为强热带风暴级！不过放心，对深圳没影响2019年10月20日')).toBeNull();
  });
});
