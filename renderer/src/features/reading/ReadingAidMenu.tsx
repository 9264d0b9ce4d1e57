import { useEffect } from 'react';
import {
  readingScopes,
  readingScripts,
  type ReadingAid,
  type ReadingScope,
  type ReadingScript,
} from '../../../../preload/common/readingAids';
import { useMessages } from '../../i18n/useMessages';
import { useMenuButton } from '../../ui/useMenuButton';
import { readingMessages } from './messages';
import { useReadingAid } from './useReadingAid';
import './reading.css';

/**
 * Pinyin or zhuyin above the characters, for this article: off, pinyin or zhuyin, over every word
 * or only the words in the person's vocabulary (the words they saved because they are learning
 * them). A menu button beside the source region, as the ARIA menu-button pattern has it.
 */
export function ReadingAidMenu({ articleId }: { articleId: number }) {
  const t = useMessages(readingMessages);
  const { aid, setAid } = useReadingAid(articleId);
  const { open, setOpen, menuId, button, menu, close, onMenuKeyDown, onButtonKeyDown } = useMenuButton();

  useEffect(() => {
    if (!open) return;
    // The choice in use takes the focus, so arrows start from it.
    menu.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
  }, [open, menu]);

  const choose = (next: ReadingAid | null) => {
    close(true);
    setAid(next);
  };
  const chooseScript = (script: ReadingScript | null) =>
    choose(script === null ? null : { script, scope: aid?.scope ?? 'all' });
  const chooseScope = (scope: ReadingScope) => choose({ script: aid?.script ?? 'pinyin', scope });

  const label = aid === null ? t('buttonOff') : aid.script === 'pinyin' ? t('buttonPinyin') : t('buttonZhuyin');
  return (
    <div className="reading-aid-menu">
      <button
        ref={button}
        type="button"
        className="quiet-button reading-aid-button"
        title={t('explanation')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-reading-aid={aid === null ? 'off' : `${aid.script} ${aid.scope}`}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={onButtonKeyDown}
      >
        {label} ▾
      </button>
      {open && (
        <div id={menuId} ref={menu} role="menu" aria-label={t('menu')} className="menu" onKeyDown={onMenuKeyDown}>
          <div className="menu-label">{t('explanation')}</div>
          <button
            type="button"
            role="menuitemradio"
            aria-checked={aid === null}
            tabIndex={-1}
            onClick={() => chooseScript(null)}
          >
            {t('off')}
          </button>
          {readingScripts.map((script) => (
            <button
              key={script}
              type="button"
              role="menuitemradio"
              aria-checked={aid?.script === script}
              tabIndex={-1}
              data-reading-script={script}
              onClick={() => chooseScript(script)}
            >
              {t(script)}
            </button>
          ))}
          <div className="menu-group" role="group" aria-label={t('scopeLabel')}>
            <div className="menu-label">{t('scopeLabel')}</div>
            {readingScopes.map((scope) => (
              <button
                key={scope}
                type="button"
                role="menuitemradio"
                aria-checked={(aid?.scope ?? null) === scope}
                tabIndex={-1}
                data-reading-scope={scope}
                onClick={() => chooseScope(scope)}
              >
                {t(scope)}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
