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

/** Export actions and what the last one did; the buttons show only when given. */
export interface ExportActions {
  annotations(): void;
  claim(claimId: string): void;
  note: { kind: 'ok' | 'error'; text: string } | null;
}

export function ReportView({ report, onToggle, onReveal, exports }: {
  report: PageReport; onToggle(enabled: boolean): void; onReveal(itemId: string): void; exports?: ExportActions;
}) {
  const { analysis, corroboration, text } = report;
  const [filters, setFilters] = useState<FilterValue>(NO_FILTERS);
  const shown = visibleIds(report, filters);
  const filtering = isFiltering(filters);
  const claims = analysis.claims.filter((c) => shown.has(c.id));
  const quotes = analysis.quotes.filter((q) => shown.has(q.id));
  const attributions = analysis.attributions.filter((a) => shown.has(a.id));
  const kindShown = (k: string) => filters.kind === 'all' || filters.kind === k;
  const claimReports = new Map(corroboration.claims.map((c) => [c.claimId, c]));
  const quoteReports = new Map(corroboration.quotes.map((q) => [q.quoteId, q]));
  return (
    <>
      <Header outlet={report.outlet} title={report.title} enabled={report.enabled} onToggle={onToggle} />
      <main class="body">
        {report.storageWarning ? (
          <Notice kind="warning" title="Library storage problem">
            <p data-storage-warning="">{report.storageWarning}</p>
          </Notice>
        ) : null}
        {corroboration.librarySize === 0 ? (
          <Notice kind="info">
            <p data-library-empty="">Read another article on this story to see corroboration.</p>
          </Notice>
        ) : (
          <p class="library-size">Compared with {corroboration.librarySize} other article{corroboration.librarySize === 1 ? '' : 's'} in your library.</p>
        )}
        {exports ? (
          <div class="exports">
            <button type="button" data-export-annotations="" onClick={exports.annotations}>Export highlights (W3C Web Annotations)</button>
            <p class={`export-note ${exports.note?.kind ?? ''}`} role={exports.note?.kind === 'error' ? 'alert' : 'status'} data-export-note={exports.note?.kind ?? ''}>
              {exports.note?.text ?? ''}
            </p>
          </div>
        ) : null}
        <Filters value={filters} onChange={setFilters} />
        {filtering && shown.size === 0 ? <p class="no-match" data-no-match="">No item matches these filters.</p> : null}
        {kindShown('claim') ? (
          <Section id="claims" title="Claims" count={claims.length} total={analysis.claims.length}
            empty={filtering && analysis.claims.length ? 'No claim matches.' : 'No check-worthy claims found.'}>
            {claims.map((c) => <ClaimItem key={c.id} claim={c} text={text} report={claimReports.get(c.id)} onReveal={onReveal} onExport={exports?.claim} />)}
          </Section>
        ) : null}
        {kindShown('quote') ? (
          <Section id="quotes" title="Quotes" count={quotes.length} total={analysis.quotes.length}
            empty={filtering && analysis.quotes.length ? 'No quote matches.' : 'No quotes found.'}>
            {quotes.map((q) => <QuoteItem key={q.id} quote={q} report={quoteReports.get(q.id)} onReveal={onReveal} />)}
          </Section>
        ) : null}
        {kindShown('attribution') ? (
          <Section id="attributions" title="Vague attributions" count={attributions.length} total={analysis.attributions.length}
            empty={filtering && analysis.attributions.length ? 'No vague attribution matches.' : 'No vague attributions found.'}>
            {attributions.map((a) => <AttributionItem key={a.id} a={a} text={text} onReveal={onReveal} />)}
          </Section>
        ) : null}
      </main>
    </>
  );
}
