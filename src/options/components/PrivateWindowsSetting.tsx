/**
 * The private-windows opt-in on the library page: off by default, so an article read in a private
 * (incognito) window is highlighted but never kept. Reads and writes storage.local directly
 * (src/shared/settings.ts); the background reads the same key each time it would store.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { SETTINGS_KEY, parseSettings, type Settings } from '../../shared/settings.js';

type View = { state: 'loading' } | { state: 'ready'; settings: Settings } | { state: 'error'; message: string };

const area = () => (browser as { storage?: { local?: browser.Storage.StorageArea } }).storage?.local;

export function PrivateWindowsSetting() {
  const [view, setView] = useState<View>({ state: 'loading' });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const local = area();
    if (!local) {
      setView({ state: 'error', message: 'Settings are not available here.' });
      return;
    }
    local.get(SETTINGS_KEY).then(
      (got) => setView({ state: 'ready', settings: parseSettings(got[SETTINGS_KEY]) }),
      (e: unknown) => setView({ state: 'error', message: `Settings could not be read: ${e instanceof Error ? e.message : String(e)}` }),
    );
  }, []);

  async function change(on: boolean) {
    if (view.state !== 'ready') return;
    const next: Settings = { ...view.settings, storePrivateWindows: on };
    setSaving(true);
    try {
      await area()!.set({ [SETTINGS_KEY]: next });
      setView({ state: 'ready', settings: next });
    } catch (e) {
      setView({ state: 'error', message: `The setting was not saved: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setSaving(false);
    }
  }

  const on = view.state === 'ready' && view.settings.storePrivateWindows;
  return (
    <section class="setting" data-setting-private="">
      <label>
        <input type="checkbox" data-setting-private-toggle="" checked={on} disabled={view.state !== 'ready' || saving}
          onChange={(e) => void change((e.target as HTMLInputElement).checked)} />
        {' '}Keep articles I read in private windows in my library
      </label>
      <p class="hint">
        Off by default: in a private (incognito) window Sourcemark still highlights the article but saves nothing.
        It only runs there if you allow it in your browser's extension settings.
      </p>
      {view.state === 'error' ? <p class="notice notice-error" role="alert" data-setting-error="">{view.message}</p> : null}
    </section>
  );
}
