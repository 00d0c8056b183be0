/** Small formatting and matching helpers for the library page. */
import type { LibraryEntry } from '../shared/messages.js';

/** Returns a byte count as "12 KB", "3.4 MB"; "unknown" when the browser does not say. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return 'unknown';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Returns lower-cased text without diacritics, for search. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Returns the entries whose outlet, title or URL contain every word of the query. */
export function searchEntries(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((e) => {
    const hay = fold(`${e.outlet} ${e.title} ${e.url}`);
    return words.every((w) => hay.includes(w));
  });
}

/** Returns the URL when it is http(s), else null: an imported file could carry a javascript: URL. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Returns the date to show for an article: its publication date if known, else when it was first read. */
export function articleDate(e: LibraryEntry): { iso: string; label: string; read: boolean } | null {
  const published = e.publishedTime ? new Date(e.publishedTime) : null;
  const d = published && !Number.isNaN(published.getTime()) ? published : new Date(e.firstSeen);
  if (Number.isNaN(d.getTime())) return null;
  const label = d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return { iso: d.toISOString(), label, read: d !== published };
}
