// @vitest-environment happy-dom
// The tooltip's link back to the popup item: a real button, text only, and where the browser
// cannot open the popup (Firefox, outside a user action) it says where to click instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tooltip } from '../../../src/content/tooltip.js';
import { fakeAnalysis } from './helpers.js';

const text = 'The council said 40 homes flooded.';
const analysis = fakeAnalysis(text, { claims: ['The council said 40 homes flooded.'], quotes: [], attributions: [] });
let tip: Tooltip | null = null;
afterEach(() => { tip?.destroy(); tip = null; document.body.innerHTML = ''; });

function open(show?: (id: string) => Promise<boolean>): ShadowRoot {
  document.body.innerHTML = `<p><mark class="sourcemark" data-sourcemark-kind="claim" data-sourcemark-id="c0">${text}</mark></p>`;
  tip = new Tooltip(document, () => ({ analysis, corroboration: null }), show);
  document.querySelector('mark')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
  return tip.shadow;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('tooltip link to the popup', () => {
  it('asks to show the item and closes when the popup opened', async () => {
    const show = vi.fn(async () => true);
    const root = open(show);
    const link = root.querySelector<HTMLButtonElement>('[data-sourcemark-show="c0"]')!;
    expect(link.tagName).toBe('BUTTON');
    expect(root.querySelector('.tip')!.classList.contains('linked')).toBe(true);
    link.click();
    await flush();
    expect(show).toHaveBeenCalledWith('c0');
    expect(root.querySelector('.tip')!.classList.contains('show')).toBe(false);
  });

  it('says to click the toolbar button where the popup could not open', async () => {
    const root = open(async () => false);
    const link = root.querySelector<HTMLButtonElement>('[data-sourcemark-show]')!;
    link.click();
    await flush();
    expect(link.textContent).toMatch(/click the Sourcemark button in the toolbar/);
    expect(root.querySelector('.tip')!.classList.contains('show')).toBe(true);
  });

  it('has no link (and lets the pointer through) without a way to show items', () => {
    const root = open();
    expect(root.querySelector('[data-sourcemark-show]')).toBeNull();
    expect(root.querySelector('.tip')!.classList.contains('linked')).toBe(false);
  });
});
