import type { UiLocale } from './locales';

const formats = new Map<UiLocale, Intl.DateTimeFormat>();

/**
 * A stored YYYY-MM-DD date in the interface language (2023年9月15日, Sep 15, 2023). It is a
 * calendar date, not an instant, so it is formatted in UTC and never shifts a day.
 */
export function formatPublishedDate(iso: string, locale: UiLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}
