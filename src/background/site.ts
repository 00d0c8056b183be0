/**
 * The "site" of a page for the per-site switches: its host name without a leading "www.". Used by
 * the background, the popup and the library page; not in src/shared because it needs the URL
 * parser (IDN encoding), which the DOM-free core does not have.
 */

/** Returns the site of a URL ("news.example.com"), or null for pages that have none (file:, data:). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalizeSite(u.hostname);
  } catch {
    return null;
  }
}

/**
 * Returns what the reader typed as a site ("https://www.Example.com/a", "example.com:8080",
 * "bücher.example") as a host name ("example.com", "xn--bcher-kva.example"), or null when it is
 * not one. The URL parser does the lower-casing, IDN encoding and port removal.
 */
export function normalizeSite(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
  if (hasScheme && !/^https?:\/\//i.test(s)) return null;
  let host: string;
  try {
    host = new URL(hasScheme ? s : `http://${s}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  const name = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
  return host && host.length <= 253 && (name.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)) ? host : null;
}
