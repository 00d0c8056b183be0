/**
 * Service worker (Chrome) / event page (Firefox) entry. Every listener is registered
 * synchronously here, before any await, so a message that wakes the worker is delivered; work
 * waits on the one `ready` promise inside `services` (the library opened from IndexedDB).
 */
import browser from 'webextension-polyfill';
import { dispatch } from './handlers.js';
import { createServices } from './services.js';

const services = createServices();
const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  // undefined = not ours: the polyfill then leaves the message for another listener.
  dispatch(message, sender, self, services));

browser.tabs.onRemoved.addListener((tabId) => {
  void services.tabs.delete(tabId);
});
