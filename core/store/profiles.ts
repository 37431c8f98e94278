import { parseStoredProduction, type ProductionSettings } from '../profiles/profile-settings.js';
import type { Db } from './database.js';

/** Production profiles as the person configured them: certificates and ids, no secret (see the keychain). */
export class ProfileStore {
  constructor(private readonly db: Db) {}

  list(): ProductionSettings[] {
    const rows = this.db.prepare('SELECT settings FROM bank_profiles ORDER BY created_at, id').all() as { settings: string }[];
    return rows.map((r) => parseStoredProduction(JSON.parse(r.settings)));
  }

  get(id: string): ProductionSettings | undefined {
    const row = this.db.prepare('SELECT settings FROM bank_profiles WHERE id = ?').get(id) as { settings: string } | undefined;
    return row === undefined ? undefined : parseStoredProduction(JSON.parse(row.settings));
  }

  /** Writes the settings, re-read through the stored schema so nothing but settings reaches the row. */
  put(settings: ProductionSettings, now: string): void {
    this.db
      .prepare(
        `INSERT INTO bank_profiles (id, settings, created_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET settings = excluded.settings`,
      )
      .run(settings.id, JSON.stringify(parseStoredProduction(settings)), now);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM bank_profiles WHERE id = ?').run(id);
  }
}
