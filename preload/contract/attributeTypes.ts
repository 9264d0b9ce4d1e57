/**
 * Article attributes (issue #18 item 3): variables a researcher defines (outlet type, region,
 * date, stance) and sets on articles, to filter, group and compare by (matrices, REFI-QDA
 * variables). A value is text in a canonical form: a number as JavaScript writes it, a date as
 * YYYY-MM-DD, a choice as one of the attribute's choices.
 */

import type { ArticlePageRequest } from './articlePageTypes';

export const attributeKinds = ['text', 'number', 'date', 'choice'] as const;
export type AttributeKind = (typeof attributeKinds)[number];

/** An attribute's name, in UTF-16 units (a column heading, not a sentence). */
export const maxAttributeNameLength = 80;
/** A value's length (a choice's too), in UTF-16 units. */
export const maxAttributeValueLength = 500;
/** The most choices a "one of a list" attribute offers. */
export const maxAttributeChoices = 200;
/** The most attributes a library defines. */
export const maxAttributes = 200;
/** The most articles one "set for these articles" may name. */
export const maxAttributeArticles = 100_000;
/** The largest attribute CSV read, in bytes. */
export const maxAttributeCsvBytes = 20 * 1024 * 1024;

export interface AttributeDefinition {
  id: number;
  name: string;
  kind: AttributeKind;
  /** The list a "choice" attribute's values come from, in the person's order; empty for other kinds. */
  choices: string[];
}

export interface AttributeValueCount {
  value: string;
  /** Articles in the library (not archived or trashed) with this value. */
  count: number;
}

/** An attribute with its values grouped: what the library pane's attribute filter lists. */
export interface AttributeSummary extends AttributeDefinition {
  /** Each value set, most articles first then by value; choices in the list's order. */
  values: AttributeValueCount[];
}

/** One attribute's value on one article. */
export interface ArticleAttributeValue {
  attributeId: number;
  name: string;
  kind: AttributeKind;
  value: string;
}

/** A new attribute, or an attribute's new name and list. */
export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  choices?: string[];
}

/** The articles the library list shows: its view and filters, without the window. */
export type ListedArticles = Omit<ArticlePageRequest, 'offset' | 'limit' | 'around'>;

/** The library list's filter by attribute: articles whose value is `value`. */
export interface AttributeFilter {
  attributeId: number;
  value: string;
}

/**
 * Why a line of an attribute CSV was not imported:
 * - wrong-columns: more or fewer fields than the header
 * - no-key: the file name or URL field is blank
 * - no-article: no article in the library has that file name or URL
 * - several-articles: more than one article has it (name the one you mean by URL instead)
 * - duplicate: an earlier line named the same article
 * - bad-value: a value that is not a number, a YYYY-MM-DD date or one of the list (see column)
 */
export type AttributeCsvSkipReason =
  'wrong-columns' | 'no-key' | 'no-article' | 'several-articles' | 'duplicate' | 'bad-value';

export interface AttributeCsvSkippedLine {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  reason: AttributeCsvSkipReason;
  /** The attribute whose value was refused (bad-value). */
  column?: string;
}

/** What importing an attribute CSV did, in one undo step. */
export interface AttributeCsvImportResult {
  /** Articles that got at least one value. */
  articles: number;
  /** Values written (set or changed; a blank field leaves the article's value as it is). */
  values: number;
  skipped: AttributeCsvSkippedLine[];
}
