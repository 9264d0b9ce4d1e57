import type { AnalysisAttribute, AnalysisSubset } from '../../../../preload/contract/analysisTypes';

/**
 * A scope menu's values (the Scope menu and the Keyness Subset menu alike): '' for none (the
 * whole library), a tag by its name, and the open article and an attribute's value behind a
 * control character, which no tag name starts with, so no tag is read as one.
 */
export const articleChoice = '\u0001article';
/** The articles selected in the library list. */
export const selectionChoice = '\u0003selection';
const attributePrefix = '\u0002';

/** The menu value that stands for the articles whose attribute `name` has `value`. */
export function attributeChoice(name: string, value: string): string {
  return `${attributePrefix}${JSON.stringify([name, value])}`;
}

function attributeOfChoice(choice: string): AnalysisAttribute {
  const [name, value] = JSON.parse(choice.slice(attributePrefix.length)) as [string, string];
  return { name, value };
}

/**
 * The subset a menu value stands for: none for '' (or the open article when none is open, or
 * the selection when nothing is selected).
 */
export function subsetOfChoice(choice: string, articleId: number | null, selectedIds: readonly number[] = []): AnalysisSubset {
  if (choice === '') return {};
  if (choice === articleChoice) return articleId === null ? {} : { articleIds: [articleId] };
  if (choice === selectionChoice) return selectedIds.length === 0 ? {} : { articleIds: [...selectedIds] };
  if (choice.startsWith(attributePrefix)) return { attribute: attributeOfChoice(choice) };
  return { tag: choice };
}
