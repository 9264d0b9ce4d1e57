import { useEffect, useLayoutEffect, useState } from 'react';
import { sourceRegions, type SourceRegion } from '../../../../preload/common/conversionTable';
import type { ArticleView } from '../../../../preload/contract/articleTypes';
import { pizhu } from '../../api/pizhuClient';
import { useMessages } from '../../i18n/useMessages';
import { useLibraryEvents } from '../../state/LibraryEvents';
import { useMenuButton } from '../../ui/useMenuButton';
import { regionMessages } from './regionMessages';

interface Props {
  article: ArticleView;
  onArticle: (view: ArticleView) => void;
  onError: (message: string) => void;
}

/**
 * Where the article comes from, beside the script modes: the detected region, which the person
 * can correct from a small menu (one undo step). The conversions follow at once: the article
 * comes back with its new region and every paragraph is shown again through its converter.
 */
export function RegionMenu({ article, onArticle, onError }: Props) {
  const t = useMessages(regionMessages);
  const { changed } = useLibraryEvents();
  const { open, setOpen, menuId, button, menu, close, onMenuKeyDown, onButtonKeyDown } = useMenuButton();
  const name = (region: SourceRegion) => t(`region.${region}`);
  // Opens below the button, leftwards from its right edge when there is no room to the right.
  const [alignRight, setAlignRight] = useState(false);
  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return;
    const b = button.current.getBoundingClientRect();
    const width = menu.current.getBoundingClientRect().width;
    setAlignRight(b.left + width > window.innerWidth - 8 && b.right - width >= 8);
  }, [open, button, menu]);

  useEffect(() => {
    if (!open) return undefined;
    // The region in use takes the focus, so arrows start from it.
    const items = menu.current;
    (
      items?.querySelector<HTMLElement>('[aria-checked="true"]') ??
      items?.querySelector<HTMLElement>('[role^="menuitem"]')
    )?.focus();
  }, [open, menu]);

  const choose = async (region: SourceRegion | null) => {
    close(true);
    if (region === article.regionCorrected) return;
    const result = await pizhu.setArticleRegion({ articleId: article.id, region });
    if (!result.ok) return onError(result.error.message);
    onArticle(result.value);
    // The library list shows titles converted as the reader does: it fetches them again.
    changed([article.id]);
  };

  return (
    <div className="region-menu">
      <button
        ref={button}
        type="button"
        className="quiet-button region-button"
        title={t('regionExplanation')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-region={article.region}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={onButtonKeyDown}
      >
        {t('regionButton', { region: name(article.region) })} ▾
      </button>
      {open && (
        <div
          id={menuId}
          ref={menu}
          role="menu"
          aria-label={t('regionMenu')}
          className={alignRight ? 'menu menu-align-right' : 'menu'}
          onKeyDown={onMenuKeyDown}
        >
          <div className="menu-label">{t('regionExplanation')}</div>
          {sourceRegions.map((region) => (
            <button
              key={region}
              type="button"
              role="menuitemradio"
              aria-checked={region === article.region}
              tabIndex={-1}
              onClick={() => void choose(region)}
            >
              {region === article.regionDetected ? t('detected', { region: name(region) }) : name(region)}
            </button>
          ))}
          {article.regionCorrected !== null && (
            <div className="menu-group">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void choose(null)}>
                {t('useDetected', { region: name(article.regionDetected) })}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
