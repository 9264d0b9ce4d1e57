import { describe, expect, it } from 'vitest';
import { countScriptChars, detectScript } from '../../../../../main/library/import/detectScript';

describe('detectScript', () => {
  it('tells simplified from traditional by the characters only one script uses', () => {
    expect(detectScript(['晋江市公安局刑侦大队坚持以人民为中心,践行“晋江经验”。'])).toBe('simplified');
    expect(detectScript(['晉江市公安局刑偵大隊堅持以人民為中心,踐行「晉江經驗」。'])).toBe('traditional');
  });

  it('is not thrown by a few strays of the other script', () => {
    // 怎么樣 with a simplified 么, as in seed 002.
    expect(detectScript(['小許親切的笑容和溫柔的語氣,令小男孩馬上停止了哭聲。你先把藥吃了,怎么樣?'])).toBe(
      'traditional',
    );
  });

  it('says mixed for a real mix and unknown without telling characters', () => {
    expect(detectScript(['这是简体中文的句子。', '這是繁體中文的句子。'])).toBe('mixed');
    expect(detectScript(['中文', 'Hello world'])).toBe('unknown');
    expect(countScriptChars(['们們'])).toEqual({ simplified: 1, traditional: 1 });
    // 网 is in Big5 and 著 in GB 2312: each script writes them, so they tell nothing.
    expect(countScriptChars(['网著'])).toEqual({ simplified: 0, traditional: 0 });
  });
});
