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

let active: Promise<number | null> | null = null;

/** Returns the active tab's id (asked once per popup), or null when there is none. */
export function activeTabId(): Promise<number | null> {
  active ??= browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id ?? null, () => null);
  return active;
}

/** Returns the tab the popup reports on; `known` is the active tab when the caller already has it. */
export function useTargetTab(search = location.search, known?: number): TargetTab {
  const fixed = tabFromSearch(search) ?? known ?? null;
  const [tab, setTab] = useState<TargetTab>(fixed === null ? { state: 'loading' } : { state: 'ok', tabId: fixed });
  useEffect(() => {
    if (fixed !== null) return;
    let live = true;
    void activeTabId().then((id) => { if (live) setTab(id === null ? { state: 'none' } : { state: 'ok', tabId: id }); });
    return () => { live = false; };
  }, [fixed]);
  return tab;
}
