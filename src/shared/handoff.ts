/**
 * What the background leaves in storage.session for the popup (extension pages can read it; content
 * scripts cannot): the last reply per tab, so the popup paints at once and refreshes after, and a
 * hand-off (an item to focus, a selection to look up) from the tooltip or the context menu.
 */
import type { TabReply } from './messages.js';

export const reportKey = (tabId: number): string => `report:${tabId}`;
export const handoffKey = (tabId: number): string => `handoff:${tabId}`;

/** A hand-off is honoured this long after it was made: the popup may open some seconds later. */
export const HANDOFF_MAX_AGE_MS = 60_000;

export type Handoff =
  | { kind: 'focus'; itemId: string; at: number }
  | { kind: 'lookup'; text: string; at: number };

/** Returns true for a stored hand-off of a known shape. */
export function isHandoff(v: unknown): v is Handoff {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Record<string, unknown>;
  if (typeof h.at !== 'number') return false;
  return (h.kind === 'focus' && typeof h.itemId === 'string') || (h.kind === 'lookup' && typeof h.text === 'string');
}

/** Returns true for a stored reply of a known shape (enough to render it; the background refreshes it). */
export function isTabReply(v: unknown): v is TabReply {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (typeof r.notArticle === 'string') return true;
  if (typeof r.siteOff === 'object' && r.siteOff !== null) return typeof (r.siteOff as Record<string, unknown>).site === 'string';
  const a = r.analysis as Record<string, unknown> | undefined;
  const c = r.corroboration as Record<string, unknown> | undefined;
  return typeof r.text === 'string' && typeof r.title === 'string' && typeof r.enabled === 'boolean'
    && !!a && Array.isArray(a.claims) && Array.isArray(a.quotes) && Array.isArray(a.attributions)
    && !!c && Array.isArray(c.claims) && Array.isArray(c.quotes);
}
