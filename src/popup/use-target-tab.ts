/** Which tab the popup is about: `popup.html?tab=<id>` (tests, opened as a tab), else the active tab. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';

export type TargetTab = { state: 'loading' } | { state: 'ok'; tabId: number } | { state: 'none' };

/** Returns the tab id from `?tab=`, or null when the parameter is missing or malformed. */
export function tabFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Returns the tab the popup reports on. */
export function useTargetTab(search = location.search): TargetTab {
  const fixed = tabFromSearch(search);
  const [tab, setTab] = useState<TargetTab>(fixed === null ? { state: 'loading' } : { state: 'ok', tabId: fixed });
  useEffect(() => {
    if (fixed !== null) return;
    let live = true;
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([active]) => { if (live) setTab(active?.id === undefined ? { state: 'none' } : { state: 'ok', tabId: active.id }); },
      () => { if (live) setTab({ state: 'none' }); },
    );
    return () => { live = false; };
  }, [fixed]);
  return tab;
}
