import { describe, expect, it } from 'vitest';
import { linkFromArgv, parsePizhuLink } from '../../../../main/app/parsePizhuLink';

describe('pizhu:// back-links', () => {
  it('reads article and paragraph', () => {
    expect(parsePizhuLink('pizhu://article/12#345')).toEqual({ articleId: 12, paragraphId: 345 });
    expect(parsePizhuLink('pizhu://article/12')).toEqual({ articleId: 12, paragraphId: null });
    expect(parsePizhuLink('pizhu://article/12/#7')).toEqual({ articleId: 12, paragraphId: 7 });
  });

  it('refuses anything else', () => {
    for (const bad of ['pizhu://article/0', 'pizhu://article/x', 'pizhu://delete/1', 'https://article/1', 'pizhu://article/1#', 'pizhu://article/1?x=1']) {
      expect(parsePizhuLink(bad), bad).toBeNull();
    }
  });

  it('finds the link among command-line arguments', () => {
    expect(linkFromArgv(['/opt/Pizhu/pizhu', '--flag', 'pizhu://article/3#9'])).toEqual({ articleId: 3, paragraphId: 9 });
    expect(linkFromArgv(['/opt/Pizhu/pizhu'])).toBeNull();
  });
});
