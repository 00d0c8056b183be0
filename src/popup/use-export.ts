/** The popup's exports: the page's highlights as Web Annotations, one claim as ClaimReview. */
import { useCallback, useState } from 'preact/hooks';
import { toWebAnnotations } from '../corpus/export-annotations.js';
import { toClaimReview } from '../corpus/export-claimreview.js';
import type { PageReport } from '../shared/messages.js';
import { downloadJson } from '../options/download.js';
import { safeHref } from '../options/format.js';
import type { ExportActions } from './components/ReportView.js';
import { ask } from './send.js';

/** Returns a file-name-safe slug of the title (at most 40 characters). */
export const slug = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'article';

/** Returns the page's canonical URL when it declares an http(s) one, else its URL. */
async function sourceOf(tabId: number, report: PageReport): Promise<{ source: string; lang: string | null }> {
  const r = await ask('tab/source', { tabId });
  if (!r.ok) return { source: report.url, lang: null };
  return { source: (r.value.canonicalUrl && safeHref(r.value.canonicalUrl)) || r.value.url, lang: r.value.lang };
}

/** Returns the export actions for the tab's report. */
export function useExport(tabId: number, report: PageReport | null): ExportActions {
  const [note, setNote] = useState<ExportActions['note']>(null);
  const run = (what: () => Promise<string>) => {
    void what().then(
      (text) => setNote({ kind: 'ok', text }),
      (e: unknown) => setNote({ kind: 'error', text: `Export failed: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };
  const annotations = useCallback(() => run(async () => {
    if (!report) throw new Error('no article');
    const { source, lang } = await sourceOf(tabId, report);
    const doc = toWebAnnotations(
      { source, title: report.title, text: report.text, analysis: report.analysis, corroboration: report.corroboration, lang },
      { created: new Date().toISOString(), newId: () => `urn:uuid:${crypto.randomUUID()}`, generator: 'Sourcemark' },
    );
    downloadJson(`sourcemark-annotations-${slug(report.title)}.jsonld`, doc, 'application/ld+json');
    return `Saved ${doc.total} highlight${doc.total === 1 ? '' : 's'} as Web Annotations.`;
  }), [tabId, report]);
  const claim = useCallback((claimId: string) => run(async () => {
    const c = report?.analysis.claims.find((x) => x.id === claimId);
    if (!report || !c) throw new Error('claim not found');
    const { source } = await sourceOf(tabId, report);
    const review = toClaimReview(
      { url: source, title: report.title, outlet: report.outlet, text: report.text }, c,
      report.corroboration.claims.find((x) => x.claimId === claimId), new Date().toISOString().slice(0, 10),
    );
    downloadJson(`sourcemark-claimreview-${slug(report.title)}-${claimId}.json`, review, 'application/ld+json');
    return 'Saved the claim as ClaimReview JSON.';
  }), [tabId, report]);
  return { annotations, claim, note };
}
