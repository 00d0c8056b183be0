/** The popup's filters: by kind, by status, and a search over each item's words and outlets. */
import type { PageReport } from '../shared/messages.js';
import type { ClaimStatus, QuoteStatus } from '../shared/model.js';
import { fold } from '../options/format.js';

export type KindFilter = 'all' | 'claim' | 'quote' | 'attribution';
export type StatusFilter = 'all' | ClaimStatus | QuoteStatus;

export interface Filters { kind: KindFilter; status: StatusFilter; query: string }
export const NO_FILTERS: Filters = { kind: 'all', status: 'all', query: '' };

/** Returns true when any filter is set. */
export const isFiltering = (f: Filters): boolean => f.kind !== 'all' || f.status !== 'all' || f.query.trim() !== '';

/** Returns the ids of the report's items that pass the filters. */
export function visibleIds(report: PageReport, f: Filters): Set<string> {
  const { analysis, corroboration, text } = report;
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  const hit = (...parts: (string | null | undefined)[]) => {
    if (!words.length) return true;
    const hay = fold(parts.filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  };
  const claims = new Map(corroboration.claims.map((c) => [c.claimId, c]));
  const quotes = new Map(corroboration.quotes.map((q) => [q.quoteId, q]));
  const out = new Set<string>();
  const kindOk = (k: KindFilter) => f.kind === 'all' || f.kind === k;
  const statusOk = (s: string | null) => f.status === 'all' || f.status === s;
  if (kindOk('claim')) {
    for (const c of analysis.claims) {
      const r = claims.get(c.id);
      if (statusOk(r?.status ?? 'single-source') && hit(text.slice(c.start, c.end), ...(r?.evidence ?? []).flatMap((e) => [e.outlet, e.sentence]))) out.add(c.id);
    }
  }
  if (kindOk('quote')) {
    for (const q of analysis.quotes) {
      const r = quotes.get(q.id);
      if (statusOk(r?.status ?? 'single-source') && hit(q.text, q.speaker, ...(r?.evidence ?? []).flatMap((e) => [e.outlet, e.text, e.speaker]))) out.add(q.id);
    }
  }
  if (kindOk('attribution')) {
    // Vague attributions have no corroboration status: any status filter hides them.
    for (const a of analysis.attributions) if (statusOk(null) && hit(text.slice(a.start, a.end), a.reason, a.cue)) out.add(a.id);
  }
  return out;
}
