/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol
 * (and by the Chromium test launcher). No remote origin, no eval, no inline script.
 */
const directives = [
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
];

export const contentSecurityPolicy = directives.join('; ');

/**
 * The same policy for the development server's page (`electron-vite dev`), sent as a <meta>
 * there: the inline scripts the dev tooling writes into the page (React Refresh's preamble)
 * are allowed by their hashes only, nothing else. frame-ancestors is left out because a
 * <meta> policy cannot carry it. HMR's WebSocket goes back to the page's own host, which
 * 'self' covers.
 */
export function developmentContentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return directives
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .map((directive) =>
      directive === "script-src 'self'" ? [directive, ...inlineScriptHashes.map((hash) => `'${hash}'`)].join(' ') : directive,
    )
    .join('; ');
}

export const appScheme = 'app';
export const appHost = 'pizhu';
export const appOrigin = `${appScheme}://${appHost}`;
