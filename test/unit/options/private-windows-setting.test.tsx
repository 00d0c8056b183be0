// @vitest-environment happy-dom
// The private-windows toggle on the library page: shows the stored value, writes it, says when it can't.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../../../src/shared/settings.js';

const local = { data: {} as Record<string, unknown>, get: vi.fn(), set: vi.fn() };
vi.mock('webextension-polyfill', () => ({ default: { storage: { local } } }));
const { PrivateWindowsSetting } = await import('../../../src/options/components/PrivateWindowsSetting.js');

let root: HTMLElement;
const flush = async () => { for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const toggle = () => root.querySelector<HTMLInputElement>('[data-setting-private-toggle]')!;

beforeEach(() => {
  local.data = {};
  local.get.mockImplementation(async (k: string) => (k in local.data ? { [k]: local.data[k] } : {}));
  local.set.mockImplementation(async (items: Record<string, unknown>) => { Object.assign(local.data, items); });
  root = document.createElement('div');
  document.body.replaceChildren(root);
});

describe('PrivateWindowsSetting', () => {
  it('is off by default and turns on when clicked, saving the setting', async () => {
    render(<PrivateWindowsSetting />, root);
    await flush();
    expect(toggle().checked).toBe(false);
    expect(toggle().disabled).toBe(false);
    await act(async () => { toggle().click(); });
    await flush();
    expect(local.data[SETTINGS_KEY]).toEqual({ storePrivateWindows: true });
    expect(toggle().checked).toBe(true);
  });

  it('shows a stored opt-in, and can turn it off', async () => {
    local.data[SETTINGS_KEY] = { storePrivateWindows: true };
    render(<PrivateWindowsSetting />, root);
    await flush();
    expect(toggle().checked).toBe(true);
    await act(async () => { toggle().click(); });
    await flush();
    expect(local.data[SETTINGS_KEY]).toEqual({ storePrivateWindows: false });
  });

  it('says so when the setting cannot be saved, and keeps nothing', async () => {
    local.set.mockRejectedValueOnce(new Error('QuotaExceededError'));
    render(<PrivateWindowsSetting />, root);
    await flush();
    await act(async () => { toggle().click(); });
    await flush();
    expect(root.querySelector('[data-setting-error]')?.textContent).toMatch(/not saved: QuotaExceededError/);
    expect(local.data[SETTINGS_KEY]).toBeUndefined();
  });
});
