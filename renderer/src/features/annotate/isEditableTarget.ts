/** True inside an input, textarea, select or contenteditable: typing there owns its own keys (and undo). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** A key press that reader shortcuts must leave alone: typing, or inside a dialog or menu. */
export function isOutsideReaderKeys(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  if (isEditableTarget(event.target)) return true;
  return event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="menu"]') !== null;
}
