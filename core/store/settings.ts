import type { Settings } from '../../common/index.js';
import type { Db } from './database.js';

/** Every 6 hours: four automatic syncs a day, which the bank's daily budget of four reads allows. */
const defaults: Settings = { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' };

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** The person's settings; unknown or missing keys fall back to the defaults. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM app_settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const hours = stored['autoSyncHours'];
    return {
      authorizationMode: oneOf(stored['authorizationMode'], ['window', 'system-browser'], defaults.authorizationMode),
      autoSyncHours: typeof hours === 'number' && Number.isInteger(hours) && hours >= 0 && hours <= 24 ? hours : defaults.autoSyncHours,
      language: oneOf(stored['language'], ['ro', 'en', 'system'], defaults.language),
      theme: oneOf(stored['theme'], ['light', 'dark', 'system'], defaults.theme),
    };
  }

  /** Changes the settings given; the others stay. */
  set(patch: Partial<Settings>): Settings {
    const put = this.db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
    })();
    return this.get();
  }
}
