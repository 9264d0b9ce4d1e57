// Shared with main, which fills its menus' and dialogs' messages the same way.
export * from '../../../preload/common/formatMessage';
