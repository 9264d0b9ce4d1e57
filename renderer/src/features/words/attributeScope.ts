import type { AnalysisAttribute } from '../../../../preload/contract/analysisTypes';

// A scope menu's value for an attribute's value: a control character first, so no tag name (and no
// other choice) is read as one.
const prefix = '\u0002';

/** The menu value that stands for the articles whose attribute `name` has `value`. */
export function attributeChoice(name: string, value: string): string {
  return `${prefix}${JSON.stringify([name, value])}`;
}

/** The attribute and value a menu value stands for, or undefined for any other choice. */
export function attributeOfChoice(choice: string): AnalysisAttribute | undefined {
  if (!choice.startsWith(prefix)) return undefined;
  const [name, value] = JSON.parse(choice.slice(prefix.length)) as [string, string];
  return { name, value };
}
