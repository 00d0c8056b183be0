/** The popup: finds its tab, loads the report, and shows it or a plain state. */
import browser from 'webextension-polyfill';
import { useRef, useState } from 'preact/hooks';
import type { SiteMode } from '../shared/messages.js';
import type { AppError } from '../shared/result.js';
import { siteOf } from '../background/site.js';
import { LookupPanel } from './components/LookupPanel.js';
import { Notice } from './components/Notice.js';
import { ReportView } from './components/ReportView.js';
import { SiteOffView } from './components/SiteOffView.js';
import { takePreload, type Preload } from './preload.js';
import { ask } from './send.js';
import { useExport } from './use-export.js';
import { useFocusItem, useHandoff } from './use-handoff.js';
import { useProgressive } from './use-progressive.js';
import { useReport } from './use-report.js';
import { useTargetTab } from './use-target-tab.js';

function ErrorView({ error, onRetry }: { error: AppError; onRetry(): void }) {
  if (error.code === 'no-content') {
    return (
      <Notice kind="info" heading title="Sourcemark can't read this page">
        <p data-state="no-content">
          Browser pages, extension stores and files can't be analysed. If the page was open before
          Sourcemark was installed or updated, reload it.
        </p>
      </Notice>
    );
  }
  return (
    <Notice kind="error" heading title="Something went wrong">
      <p data-state="error">{error.message}</p>
      <button type="button" class="retry" onClick={onRetry}>Try again</button>
    </Notice>
  );
}

const openLibrary = () => { void browser.runtime.openOptionsPage().catch(() => {}); };

export function TabReport({ tabId }: { tabId: number }) {
  const [first] = useState<Preload | undefined>(() => takePreload(tabId));
  const { view, reload, setEnabled, reveal } = useReport(tabId, first);
  const exports = useExport(tabId, view.state === 'report' ? view.report : null);
  const { handoff, dismiss } = useHandoff(tabId, first);
  const limit = useProgressive(view.state === 'report');
  const [siteBusy, setSiteBusy] = useState(false);
  const [siteError, setSiteError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Loading has ended when the background's own answer is shown in full (not the cached one).
  const complete = view.state !== 'loading' && view.fresh && (view.state !== 'report' || limit === Infinity);
  useFocusItem(() => rootRef.current, handoff?.kind === 'focus' ? handoff.itemId : null, complete && view.state === 'report');
  // Compared with part of the library only (still being read after a restart): asked again soon.
  const partial = view.state === 'report' && view.report.corroboration.libraryPending !== undefined;

  const setSite = (site: string, mode: SiteMode) => {
    setSiteBusy(true);
    setSiteError(null);
    void ask('site/set', { site, mode, tabId }).then((r) => {
      setSiteBusy(false);
      if (!r.ok) setSiteError(r.error.message);
      else reload();
    });
  };

  // data-sourcemark-ready tells tests (and anyone scripting the popup) that loading has ended.
  return (
    <div class="tab-report" ref={rootRef} data-sourcemark-ready={complete && !partial ? '' : undefined} data-fresh={view.state !== 'loading' && view.fresh ? '' : undefined}>
      {handoff?.kind === 'lookup' ? <LookupPanel text={handoff.text} tabId={tabId} onClose={dismiss} /> : null}
      {view.state === 'report' ? body() : (
        <main class="body">
          {siteError ? <Notice kind="error"><p role="alert" data-site-error="">{siteError}</p></Notice> : null}
          {body()}
        </main>
      )}
      <footer class="popup-footer">
        <button type="button" class="link" data-open-library="" onClick={openLibrary}>Open your library</button>
      </footer>
    </div>
  );

  function body() {
    switch (view.state) {
      case 'loading':
        return <p class="loading" aria-busy="true" data-state="loading">Reading this page…</p>;
      case 'not-article':
        return (
          <Notice kind="info" heading title="This page doesn't look like a news article">
            <p data-state="not-article">{view.reason}</p>
          </Notice>
        );
      case 'site-off':
        return <SiteOffView entry={view.entry} busy={siteBusy} onTurnOn={() => setSite(view.entry.site, 'on')} onLibrary={openLibrary} />;
      case 'error':
        return <ErrorView error={view.error} onRetry={reload} />;
      case 'report': {
        const site = siteOf(view.report.url);
        return (
          <ReportView report={view.report} onToggle={(on) => void setEnabled(on)} onReveal={reveal} exports={exports} limit={limit}
            site={site ? { name: site, busy: siteBusy, error: siteError, onSet: (mode) => setSite(site, mode) } : undefined} />
        );
      }
    }
  }
}

/** `tabId`: the tab index.tsx already found (so the first render needn't look it up again). */
export function App({ search, tabId }: { search?: string; tabId?: number }) {
  const tab = useTargetTab(search, tabId);
  return (
    <div class="app">
      {tab.state === 'ok' ? <TabReport tabId={tab.tabId} /> : null}
      {tab.state === 'loading' ? <p class="loading" aria-busy="true">Finding the tab…</p> : null}
      {tab.state === 'none' ? <main class="body"><Notice kind="info" heading title="No tab to read" /></main> : null}
    </div>
  );
}
