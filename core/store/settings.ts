import type { Settings } from '../../common/index.js';
import type { Db } from './database.js';

const defaults: Settings = { authorizationMode: 'window' };

/** The person's settings; unknown or missing keys fall back to the defaults. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM app_settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const mode = stored['authorizationMode'];
    return { authorizationMode: mode === 'system-browser' || mode === 'window' ? mode : defaults.authorizationMode };
  }

  set(settings: Settings): Settings {
    this.db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('authorizationMode', JSON.stringify(settings.authorizationMode));
    return this.get();
  }
}
