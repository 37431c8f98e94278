import type { Db } from './database.js';

/** The non-secret half of a TPP registration; its client secret is in the keychain. */
export interface Registration {
  profileId: string;
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  createdAt: string;
}

interface Row {
  profile_id: string;
  base_url: string;
  client_id: string;
  redirect_uri: string;
  created_at: string;
}

const toRegistration = (r: Row): Registration => ({
  profileId: r.profile_id,
  baseUrl: r.base_url,
  clientId: r.client_id,
  redirectUri: r.redirect_uri,
  createdAt: r.created_at,
});

export class RegistrationStore {
  constructor(private readonly db: Db) {}

  get(profileId: string): Registration | undefined {
    const row = this.db.prepare('SELECT * FROM bank_registrations WHERE profile_id = ?').get(profileId) as Row | undefined;
    return row === undefined ? undefined : toRegistration(row);
  }

  put(r: Registration): void {
    this.db
      .prepare(
        `INSERT INTO bank_registrations (profile_id, base_url, client_id, redirect_uri, created_at)
         VALUES (@profileId, @baseUrl, @clientId, @redirectUri, @createdAt)
         ON CONFLICT (profile_id) DO UPDATE SET base_url = excluded.base_url, client_id = excluded.client_id,
           redirect_uri = excluded.redirect_uri, created_at = excluded.created_at`,
      )
      .run(r);
  }

  delete(profileId: string): void {
    this.db.prepare('DELETE FROM bank_registrations WHERE profile_id = ?').run(profileId);
  }
}
