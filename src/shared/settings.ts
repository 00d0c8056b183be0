/**
 * The user's settings, kept in storage.local under one key (the options page writes them, the
 * background reads them). Pure: parsing only. Anything unreadable falls back to the defaults,
 * which are the private choice: a setting that cannot be read never opts the user in.
 */
export const SETTINGS_KEY = 'sourcemark:settings';

export interface Settings {
  /** Keep articles read in private (incognito) windows in the library. Off unless the user opts in. */
  storePrivateWindows: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ storePrivateWindows: false });

/** Returns the settings stored value `v` stands for; unknown fields and bad types give defaults. */
export function parseSettings(v: unknown): Settings {
  const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  return { storePrivateWindows: o.storePrivateWindows === true };
}
