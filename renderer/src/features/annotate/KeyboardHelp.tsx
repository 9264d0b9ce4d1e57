import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { Dialog } from '../../ui/Dialog';
import { isOutsideReaderKeys } from './isEditableTarget';
import { annotateMessages, type AnnotateMessageKey } from './messages';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every shortcut of the window, in the order a reader meets them. */
const shortcuts: ReadonlyArray<readonly [keys: readonly string[], what: AnnotateMessageKey]> = [
  [['j'], 'shortcut.next'],
  [['k'], 'shortcut.previous'],
  [['v'], 'shortcut.select'],
  [['Shift+→', 'Shift+←'], 'shortcut.extendCharacter'],
  [isMac ? ['⌥+Shift+→', '⌥+Shift+←'] : ['Ctrl+Shift+→', 'Ctrl+Shift+←'], 'shortcut.extendWord'],
  [['s', 'Shift+S'], 'shortcut.extendSentence'],
  [['h'], 'shortcut.highlight'],
  [['t'], 'shortcut.tag'],
  [['n'], 'shortcut.note'],
  [['c'], 'shortcut.variants'],
  [['d'], 'shortcut.lookup'],
  [['m'], 'shortcut.mode'],
  [['a'], 'shortcut.sidebar'],
  [[`${mod}+F`], 'shortcut.search'],
  [[`${mod}+Shift+F`], 'shortcut.searchLibrary'],
  [[`${mod}+Z`], 'shortcut.undo'],
  [isMac ? [`${mod}+Shift+Z`] : [`${mod}+Shift+Z`, 'Ctrl+Y'], 'shortcut.redo'],
  [['Esc'], 'shortcut.escape'],
  [['?'], 'shortcut.help'],
];

/** `?` anywhere outside a text field opens the list of keyboard shortcuts. Mounted once by App. */
export function KeyboardHelp() {
  const t = useMessages(annotateMessages);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || isOutsideReaderKeys(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!open) return null;
  return (
    <Dialog title={t('keyboardShortcuts')} onClose={() => setOpen(false)} className="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setOpen(false)} autoFocus>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
