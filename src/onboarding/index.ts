/**
 * The first-run page (opened once, on install): static text; this script only shows the
 * shortcuts the browser actually assigned (the reader or another extension may have changed
 * them) and opens the library.
 */
import browser from 'webextension-polyfill';

/** Returns nothing; writes each command's current shortcut into its <kbd>, or says it has none. */
export async function showShortcuts(doc: Document, getAll: () => Promise<{ name?: string; shortcut?: string }[]>): Promise<void> {
  let commands: { name?: string; shortcut?: string }[];
  try {
    commands = await getAll();
  } catch {
    return; // keep the suggested keys written in the page
  }
  for (const kbd of doc.querySelectorAll<HTMLElement>('kbd[data-shortcut]')) {
    const c = commands.find((x) => x.name === kbd.dataset.shortcut);
    if (!c) continue;
    kbd.textContent = c.shortcut ? c.shortcut : 'no shortcut set';
  }
}

if (typeof document !== 'undefined' && document.querySelector('[data-onboarding]')) {
  void showShortcuts(document, () => browser.commands.getAll());
  document.querySelector('[data-open-library]')?.addEventListener('click', () => {
    void browser.runtime.openOptionsPage().catch(() => {});
  });
}
