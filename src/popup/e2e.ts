/**
 * Test builds only: publishes what the popup shows to storage.local and performs clicks asked for
 * there (see ../shared/e2e-bridge.ts for why). Compiled out of shipped builds.
 */
import browser from 'webextension-polyfill';
import { E2E_POPUP_CLICK, E2E_POPUP_SNAPSHOT, type PopupClick, type PopupSnapshot } from '../shared/e2e-bridge.js';

/** Starts publishing the popup's items and answering click requests. */
export function installE2eBridge(root: HTMLElement): void {
  const instance = Math.random().toString(36).slice(2);
  const born = Date.now();
  const tab = Number(new URLSearchParams(location.search).get('tab')) || null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Firefox test popups are left open, and all share one snapshot key: once a newer popup has
  // published, this one stays quiet, so a test never reads an older popup's items.
  let superseded = false;
  const publish = () => {
    if (superseded) return;
    const snapshot: PopupSnapshot = {
      instance,
      born,
      tab,
      ready: Boolean(root.querySelector('[data-sourcemark-ready]')),
      items: [...root.querySelectorAll('[data-sourcemark-item]')].map((el) => ({
        kind: el.getAttribute('data-kind') ?? '',
        status: el.getAttribute('data-status') ?? '',
        // textContent includes the collapsed "their sentences", as opening them would show.
        text: el.textContent ?? '',
      })),
      toggle: root.querySelector('[data-sourcemark-toggle]')?.getAttribute('aria-checked') ?? null,
      text: root.textContent ?? '',
      at: Date.now(),
    };
    void browser.storage.local.set({ [E2E_POPUP_SNAPSHOT]: snapshot });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(publish, 50);
  };
  new MutationObserver(schedule).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  publish();
  browser.storage.onChanged.addListener((changes, area) => {
    const other = changes[E2E_POPUP_SNAPSHOT]?.newValue as PopupSnapshot | undefined;
    if (area === 'local' && other && other.instance !== instance) {
      // A newer popup silences this one; an older one's late write is overwritten again.
      if (other.born > born) superseded = true;
      else schedule();
    }
    const click = changes[E2E_POPUP_CLICK]?.newValue as PopupClick | undefined;
    if (area !== 'local' || !click || click.instance !== instance) return;
    root.querySelector<HTMLElement>(click.selector)?.click();
  });
}
