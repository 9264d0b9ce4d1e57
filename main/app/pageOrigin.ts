/**
 * "scheme://host/" of a page URL. Not `URL.origin`: for a custom scheme such as app:// Node
 * reports the origin as "null", which would make every check below compare against "null".
 */
export function pagePrefix(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}/`;
}

/** The IPC sender check: only frames showing the app's own page may call main. */
export function isFromAppPage(rendererUrl: string): (event: { senderFrame?: { url: string } | null }) => boolean {
  const appPage = pagePrefix(rendererUrl);
  return (event) => {
    const url = event.senderFrame?.url;
    return url !== undefined && url.startsWith(appPage);
  };
}
