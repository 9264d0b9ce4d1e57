/**
 * The address a person typed, made into one a link may hold: web and mail addresses only
 * (main opens only https links outside the app anyway). A bare `example.org/x` gets https://.
 * null when it cannot be a link.
 */
export function linkAddress(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  if (/^(https?:\/\/|mailto:)\S+$/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null;
  if (/^[^/]+\.[^/]+/.test(trimmed)) return `https://${trimmed}`;
  return null;
}

export const isLinkAddress = (url: string): boolean => /^(https?:\/\/|mailto:)\S+$/i.test(url);
