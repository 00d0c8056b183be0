/** Loads the tab's report from the background and keeps the highlight switch in sync. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../shared/messages.js';
import type { AppError } from '../shared/result.js';
import { ask } from './send.js';

export type ReportState =
  | { state: 'loading' }
  | { state: 'report'; report: PageReport }
  | { state: 'not-article'; reason: string }
  | { state: 'error'; error: AppError };

export interface UseReport {
  view: ReportState;
  reload(): void;
  /** Turns the tab's highlights on or off; returns whether the page did it. */
  setEnabled(enabled: boolean): Promise<boolean>;
  reveal(itemId: string): void;
}

/** Returns the report state for the tab and the actions on it. */
export function useReport(tabId: number): UseReport {
  const [view, setView] = useState<ReportState>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setView({ state: 'loading' });
    void ask('tab/report', { tabId }).then((r) => {
      if (!live) return;
      if (!r.ok) setView({ state: 'error', error: r.error });
      else if ('notArticle' in r.value) setView({ state: 'not-article', reason: r.value.notArticle });
      else setView({ state: 'report', report: r.value });
    });
    return () => { live = false; };
  }, [tabId, round]);

  const setEnabled = useCallback(async (enabled: boolean) => {
    const flip = (on: boolean) => setView((v) => (v.state === 'report' ? { ...v, report: { ...v.report, enabled: on } } : v));
    flip(enabled); // optimistic: the switch answers at once, and flips back if the page refused
    const r = await ask('tab/set-enabled', { tabId, enabled });
    if (!r.ok || !r.value) flip(!enabled);
    return r.ok && r.value;
  }, [tabId]);

  const reveal = useCallback((itemId: string) => {
    void ask('tab/reveal', { tabId, itemId }).then((r) => {
      if (!r.ok) console.warn('Sourcemark: could not reveal the highlight', r.error);
    });
  }, [tabId]);

  return { view, reload: () => setRound((n) => n + 1), setEnabled, reveal };
}
