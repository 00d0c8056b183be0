/**
 * Test builds only (`__E2E__`): keys through which the end-to-end suite reads the popup and clicks
 * in it via storage.local, because over Firefox's BiDi a test can't reliably run code inside a
 * moz-extension page (ESR 153 + playwright-core 1.64.1: its script realm is often never reported).
 * The popup publishes what it shows; the page's content script relays reads and clicks.
 */
export const E2E_POPUP_SNAPSHOT = 'sourcemark:e2e:popup';
export const E2E_POPUP_CLICK = 'sourcemark:e2e:click';

export interface PopupSnapshot {
  /** Random per popup page: a click request names the popup it is for. */
  instance: string;
  /** When that popup started (Date.now()): an older popup stops publishing once a newer one has. */
  born: number;
  /** The tab the popup reports on. */
  tab: number | null;
  ready: boolean;
  items: { kind: string; status: string; text: string }[];
  toggle: string | null;
  /** All the popup's text, for plain states such as "not an article". */
  text: string;
  at: number;
}

export interface PopupClick {
  instance: string;
  selector: string;
  nonce: number;
}
