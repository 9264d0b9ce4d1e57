import { describe, expect, it } from 'vitest';
import { findBylineAuthor, isPersonName } from '../../../../../../main/library/import/metadata/bylines';

describe('findBylineAuthor', () => {
  it('reads reporter credits in both scripts', () => {
    expect(findBylineAuthor('本报记者 张三')).toBe('张三');
    expect(findBylineAuthor('記者柳名耕／台北報導')).toBe('柳名耕');
    expect(findBylineAuthor('【李恩慈╱台南報導】')).toBe('李恩慈');
    expect(findBylineAuthor('（湯寶隆／高雄報導）')).toBe('湯寶隆');
    expect(findBylineAuthor('民眾酸︰你們留著吧〔記者張瑞楨、歐素美／台中報導〕台中地檢署')).toBe('張瑞楨、歐素美');
    expect(findBylineAuthor('新京报快讯（记者 裴剑飞）今日有网友爆料')).toBe('裴剑飞');
  });

  it('names every reporter and stops at the next role or the place of the report', () => {
    expect(findBylineAuthor('澎湃新闻记者 段彦超 廖艳')).toBe('段彦超、廖艳');
    expect(findBylineAuthor('采写：南都记者 余毅菁 向雪妮')).toBe('余毅菁、向雪妮');
    expect(findBylineAuthor('（记者 李四 通讯员 王五）')).toBe('李四');
    expect(findBylineAuthor('新京报记者 彭冲 山东冠县报道')).toBe('彭冲');
  });

  it('reads 文／, 作者：, 撰文：', () => {
    expect(findBylineAuthor('文／陳大明')).toBe('陳大明');
    expect(findBylineAuthor('【文/观察者网专栏作者 王文】')).toBe('王文');
    expect(findBylineAuthor('撰文：王小明')).toBe('王小明');
    expect(findBylineAuthor('文/李四 图/王五')).toBe('李四');
  });

  it('takes pen names after an explicit label, never a placeholder or an outlet', () => {
    expect(findBylineAuthor('整理 | 华卫、核子可乐')).toBe('华卫、核子可乐');
    expect(findBylineAuthor('作者：本站')).toBeNull();
    expect(findBylineAuthor('作者：新华社')).toBeNull();
  });

  it('never takes an editor or a photographer for the author', () => {
    expect(findBylineAuthor('责任编辑：霍琦')).toBeNull();
    expect(findBylineAuthor('编辑:李楠')).toBeNull();
    expect(findBylineAuthor('中新社记者 杜洋 摄')).toBeNull();
    expect(findBylineAuthor('記者林保光／翻攝')).toBeNull();
    expect(findBylineAuthor('（記者張瑞楨攝）')).toBeNull();
    expect(findBylineAuthor('澎湃新闻记者段彦超 图')).toBeNull();
  });

  it('never takes the words after 记者 for a name', () => {
    expect(findBylineAuthor('记者了解到，今年以来')).toBeNull();
    expect(findBylineAuthor('据记者介绍，现场')).toBeNull();
    expect(findBylineAuthor('第A04版：小记者训练营')).toBeNull();
    expect(findBylineAuthor('作者：方敏北京大学经济学院教授)')).toBeNull();
  });
});

describe('isPersonName', () => {
  it('accepts names and refuses outlets, addresses, placeholders and site ids', () => {
    expect(isPersonName('李楠')).toBe(true);
    expect(isPersonName('上官云 宋宇晟')).toBe(true);
    expect(isPersonName('Jane Doe')).toBe(true);
    for (const value of [
      '三立新聞網',
      '中央通訊社',
      '新京报',
      'name, email@gmail.com',
      'chinanews',
      'https://www.facebook.com/x',
      '佚名',
      '',
    ])
      expect(isPersonName(value), value).toBe(false);
  });
});
