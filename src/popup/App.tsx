/** The popup: finds its tab, loads the report, and shows it or a plain state. */
import type { AppError } from '../shared/result.js';
import { Notice } from './components/Notice.js';
import { ReportView } from './components/ReportView.js';
import { useExport } from './use-export.js';
import { useReport } from './use-report.js';
import { useTargetTab } from './use-target-tab.js';

function ErrorView({ error, onRetry }: { error: AppError; onRetry(): void }) {
  if (error.code === 'no-content') {
    return (
      <Notice kind="info" title="Sourcemark can't read this page">
        <p data-state="no-content">
          Browser pages, extension stores and files can't be analysed. If the page was open before
          Sourcemark was installed or updated, reload it.
        </p>
      </Notice>
    );
  }
  return (
    <Notice kind="error" title="Something went wrong">
      <p data-state="error">{error.message}</p>
      <button type="button" class="retry" onClick={onRetry}>Try again</button>
    </Notice>
  );
}

export function TabReport({ tabId }: { tabId: number }) {
  const { view, reload, setEnabled, reveal } = useReport(tabId);
  const exports = useExport(tabId, view.state === 'report' ? view.report : null);
  // data-sourcemark-ready tells tests (and anyone scripting the popup) that loading has ended.
  return <div class="tab-report" data-sourcemark-ready={view.state === 'loading' ? undefined : ''}>{body()}</div>;

  function body() {
  switch (view.state) {
    case 'loading':
      return <p class="loading" aria-busy="true" data-state="loading">Reading this page…</p>;
    case 'not-article':
      return (
        <Notice kind="info" title="This page doesn't look like a news article">
          <p data-state="not-article">{view.reason}</p>
        </Notice>
      );
    case 'error':
      return <ErrorView error={view.error} onRetry={reload} />;
    case 'report':
      return <ReportView report={view.report} onToggle={(on) => void setEnabled(on)} onReveal={reveal} exports={exports} />;
  }
  }
}

export function App({ search }: { search?: string }) {
  const tab = useTargetTab(search);
  return (
    <div class="app">
      {tab.state === 'ok' ? <TabReport tabId={tab.tabId} /> : null}
      {tab.state === 'loading' ? <p class="loading" aria-busy="true">Finding the tab…</p> : null}
      {tab.state === 'none' ? <Notice kind="info" title="No tab to read" /> : null}
    </div>
  );
}
