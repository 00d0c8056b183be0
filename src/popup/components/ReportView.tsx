/** Everything the popup shows for an article: header, notes, and the three lists. */
import type { PageReport } from '../../shared/messages.js';
import { useState } from 'preact/hooks';
import { isFiltering, NO_FILTERS, visibleIds, type Filters as FilterValue } from '../filter.js';
import { AttributionItem } from './AttributionItem.js';
import { Filters } from './Filters.js';
import { ClaimItem } from './ClaimItem.js';
import { Header } from './Header.js';
import { Notice } from './Notice.js';
import { QuoteItem } from './QuoteItem.js';
import { Section } from './Section.js';
import { SiteSwitches } from './SiteSwitches.js';
import type { SiteMode } from '../../shared/messages.js';
import { moveFocus } from '../keyboard.js';

/** Export actions and what the last one did; the buttons show only when given. */
export interface ExportActions {
  annotations(): void;
  claim(claimId: string): void;
  note: { kind: 'ok' | 'error'; text: string } | null;
}

/** The per-site switches for the page's site. */
export interface SiteActions {
  name: string;
  busy: boolean;
  /** Why the last switch failed, if it did. */
  error?: string | null;
  onSet(mode: Exclude<SiteMode, 'on'>): void;
}

export function ReportView({ report, onToggle, onReveal, exports, limit = Infinity, site }: {
  report: PageReport; onToggle(enabled: boolean): void; onReveal(itemId: string): void; exports?: ExportActions;
  /** Render at most this many items (the first screen first; see use-progressive.ts). */
  limit?: number;
  site?: SiteActions;
}) {
  const { analysis, corroboration, text } = report;
  const [filters, setFilters] = useState<FilterValue>(NO_FILTERS);
  const shown = visibleIds(report, filters);
  const filtering = isFiltering(filters);
  const claims = analysis.claims.filter((c) => shown.has(c.id));
  const quotes = analysis.quotes.filter((q) => shown.has(q.id));
  const attributions = analysis.attributions.filter((a) => shown.has(a.id));
  const kindShown = (k: string) => filters.kind === 'all' || filters.kind === k;
  // The first screen first: the item budget goes to the sections in page order.
  let budget = limit;
  const take = <T,>(xs: T[], kind: string): T[] => {
    if (!kindShown(kind)) return [];
    const out = xs.slice(0, Math.max(0, budget));
    budget -= out.length;
    return out;
  };
  const claimsNow = take(claims, 'claim');
  const quotesNow = take(quotes, 'quote');
  const attributionsNow = take(attributions, 'attribution');
  const nothing = analysis.claims.length + analysis.quotes.length + analysis.attributions.length === 0;
  const claimReports = new Map(corroboration.claims.map((c) => [c.claimId, c]));
  const quoteReports = new Map(corroboration.quotes.map((q) => [q.quoteId, q]));
  return (
    <>
      <Header outlet={report.outlet} title={report.title} enabled={report.enabled} onToggle={onToggle} />
      <main class="body" onKeyDown={moveFocus}>
        {site ? <SiteSwitches site={site.name} busy={site.busy} error={site.error ?? null} onSet={site.onSet} /> : null}
        {report.storageWarning ? (
          <Notice kind="warning" title="Library storage problem">
            <p data-storage-warning="">{report.storageWarning}</p>
          </Notice>
        ) : null}
        {corroboration.libraryPending ? (
          <p class="library-size" data-library-pending="" aria-live="polite">
            Still reading your library: compared with {corroboration.librarySize} article{corroboration.librarySize === 1 ? '' : 's'} so
            far, {corroboration.libraryPending} to go. The list updates when it is done.
          </p>
        ) : corroboration.librarySize === 0 ? (
          <Notice kind="info">
            <p data-library-empty="">Your library is empty: read another article on this story to see which outlets report the same thing.</p>
          </Notice>
        ) : (
          <p class="library-size">Compared with {corroboration.librarySize} other article{corroboration.librarySize === 1 ? '' : 's'} in your library.</p>
        )}
        {nothing ? (
          analysis.language === 'other' ? (
            <Notice kind="info" title="Not an English article">
              <p data-state="nothing" data-language="other">This article does not look like English. Sourcemark reads English only, so it highlights nothing here rather than guess.</p>
            </Notice>
          ) : (
            <Notice kind="info" title="Nothing to check here">
              <p data-state="nothing">Sourcemark found no check-worthy claims, quotes or vague attributions in this article.</p>
            </Notice>
          )
        ) : null}
        {exports && !nothing ? (
          <div class="exports">
            <button type="button" data-export-annotations="" onClick={exports.annotations}>Export highlights (W3C Web Annotations)</button>
            <p class={`export-note ${exports.note?.kind ?? ''}`} role={exports.note?.kind === 'error' ? 'alert' : 'status'} data-export-note={exports.note?.kind ?? ''}>
              {exports.note?.text ?? ''}
            </p>
          </div>
        ) : null}
        {nothing ? null : <Filters value={filters} onChange={setFilters} />}
        {filtering && shown.size === 0 ? <p class="no-match" data-no-match="">No item matches these filters.</p> : null}
        {kindShown('claim') && !nothing ? (
          <Section id="claims" title="Claims" count={claims.length} total={analysis.claims.length}
            empty={filtering && analysis.claims.length ? 'No claim matches.' : 'No check-worthy claims found.'}>
            {claimsNow.map((c) => <ClaimItem key={c.id} claim={c} text={text} report={claimReports.get(c.id)} onReveal={onReveal} onExport={exports?.claim} />)}
          </Section>
        ) : null}
        {kindShown('quote') && !nothing ? (
          <Section id="quotes" title="Quotes" count={quotes.length} total={analysis.quotes.length}
            empty={filtering && analysis.quotes.length ? 'No quote matches.' : 'No quotes found.'}>
            {quotesNow.map((q) => <QuoteItem key={q.id} quote={q} report={quoteReports.get(q.id)} onReveal={onReveal} />)}
          </Section>
        ) : null}
        {kindShown('attribution') && !nothing ? (
          <Section id="attributions" title="Vague attributions" count={attributions.length} total={analysis.attributions.length}
            empty={filtering && analysis.attributions.length ? 'No vague attribution matches.' : 'No vague attributions found.'}>
            {attributionsNow.map((a) => <AttributionItem key={a.id} a={a} text={text} onReveal={onReveal} />)}
          </Section>
        ) : null}
      </main>
    </>
  );
}
