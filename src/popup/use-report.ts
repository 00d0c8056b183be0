/**
 * Loads the tab's report and keeps the highlight switch in sync. The first paint comes from the
 * last answer the background left in storage.session (`fresh: false`), replaced as soon as the
 * background answers (`fresh: true`); an answer never gives way to the older cached one.
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { PageReport, SiteEntry, TabReply } from '../shared/messages.js';
import type { AppError, Result } from '../shared/result.js';
import { benchMark } from './bench-marks.js';
import type { Preload } from './preload.js';
import { ask } from './send.js';

export type ReportState =
  | { state: 'loading' }
  | { state: 'report'; report: PageReport; fresh: boolean }
  | { state: 'not-article'; reason: string; fresh: boolean }
  | { state: 'site-off'; entry: SiteEntry; fresh: boolean }
  | { state: 'error'; error: AppError; fresh: boolean };

export interface UseReport {
  view: ReportState;
  reload(): void;
  /** Turns the tab's highlights on or off; returns whether the page did it. */
  setEnabled(enabled: boolean): Promise<boolean>;
  reveal(itemId: string): void;
}

/** How often a partial answer (library still being read) is asked for again. */
const PARTIAL_RETRY_MS = 1500;

/** Returns the view for a reply. */
export function viewOf(reply: TabReply, fresh: boolean): ReportState {
  if ('notArticle' in reply) return { state: 'not-article', reason: reply.notArticle, fresh };
  if ('siteOff' in reply) return { state: 'site-off', entry: reply.siteOff, fresh };
  return { state: 'report', report: reply, fresh };
}

/** Returns the report state for the tab and the actions on it; `first` holds reads already started. */
export function useReport(tabId: number, first?: Preload): UseReport {
  // The first render shows the answer index.tsx waited for (settleFirst), when there is one.
  const [view, setView] = useState<ReportState>(() => {
    const known = first?.tabId === tabId ? first.first : undefined;
    if (!known) return { state: 'loading' };
    if ('error' in known) return { state: 'error', error: known.error.error, fresh: true };
    return viewOf(known.reply, known.fresh);
  });
  const [round, setRound] = useState(0);

  // A layout effect subscribes right after the first render, not a frame later as useEffect would.
  useLayoutEffect(() => {
    let live = true;
    let answered = false;
    const early = round === 0 && first?.tabId === tabId ? first : null;
    if (!early) setView({ state: 'loading' });
    const shown = early?.first; // what the first render showed, if anything
    const shownFresh = shown !== undefined && ('error' in shown || shown.fresh);
    void early?.cached.then((reply) => {
      if (!live || answered || !reply || shown) return;
      benchMark('cached');
      setView(viewOf(reply, false));
    });
    benchMark('ask');
    const fresh: Promise<Result<TabReply>> = early?.fresh ?? ask('tab/report', { tabId });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An answer given while the library is still being read after a restart is partial: ask
    // again, quietly (the list stays), until it is complete.
    const askAgainIfPartial = (r: Result<TabReply>) => {
      if (!live || !r.ok || !('corroboration' in r.value) || !r.value.corroboration.libraryPending) return;
      timer = setTimeout(() => void ask('tab/report', { tabId }).then((again) => {
        if (!live || !again.ok) return;
        setView(viewOf(again.value, true));
        askAgainIfPartial(again);
      }), PARTIAL_RETRY_MS);
    };
    void fresh.then((r) => {
      benchMark('reply');
      answered = true;
      askAgainIfPartial(r);
      // The first render already showed this very answer: no second render of the same list.
      if (!live || shownFresh) return;
      setView(r.ok ? viewOf(r.value, true) : { state: 'error', error: r.error, fresh: true });
    });
    return () => { live = false; clearTimeout(timer); };
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
