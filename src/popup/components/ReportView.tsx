/** Everything the popup shows for an article: header, notes, and the three lists. */
import type { PageReport } from '../../shared/messages.js';
import { AttributionItem } from './AttributionItem.js';
import { ClaimItem } from './ClaimItem.js';
import { Header } from './Header.js';
import { Notice } from './Notice.js';
import { QuoteItem } from './QuoteItem.js';
import { Section } from './Section.js';

export function ReportView({ report, onToggle, onReveal }: {
  report: PageReport; onToggle(enabled: boolean): void; onReveal(itemId: string): void;
}) {
  const { analysis, corroboration, text } = report;
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
        <Section id="claims" title="Claims" count={analysis.claims.length} empty="No check-worthy claims found.">
          {analysis.claims.map((c) => <ClaimItem key={c.id} claim={c} text={text} report={claimReports.get(c.id)} onReveal={onReveal} />)}
        </Section>
        <Section id="quotes" title="Quotes" count={analysis.quotes.length} empty="No quotes found.">
          {analysis.quotes.map((q) => <QuoteItem key={q.id} quote={q} report={quoteReports.get(q.id)} onReveal={onReveal} />)}
        </Section>
        <Section id="attributions" title="Vague attributions" count={analysis.attributions.length} empty="No vague attributions found.">
          {analysis.attributions.map((a) => <AttributionItem key={a.id} a={a} text={text} onReveal={onReveal} />)}
        </Section>
      </main>
    </>
  );
}
