// The catalog system is shared with main (its menus and dialogs): one definition, in preload/common.
export * from '../../../preload/common/uiLocales';
