/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol
 * (and by the Chromium test launcher). No remote origin, no eval, no inline script.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  // React and Lexical set style attributes; no remote stylesheets either way.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const appScheme = 'app';
export const appHost = 'pizhu';
export const appOrigin = `${appScheme}://${appHost}`;
