/**
 * Schema steps, applied in order once each (`PRAGMA user_version` counts them). Never edit a
 * shipped step: add the next one. Secrets are not here: they live in the OS keychain.
 */
export const migrations: string[] = [
  `
  CREATE TABLE bank_registrations (
    profile_id   TEXT PRIMARY KEY,
    base_url     TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    created_at   TEXT NOT NULL
  );

  CREATE TABLE connections (
    id              TEXT PRIMARY KEY,
    profile_id      TEXT NOT NULL,
    label           TEXT NOT NULL,
    consent_id      TEXT NOT NULL,
    consent_status  TEXT NOT NULL,
    valid_until     TEXT,
    reauth_required INTEGER NOT NULL DEFAULT 0,
    replaced_by     TEXT REFERENCES connections(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_id, consent_id)
  );

  -- The app's own accounts: keyed by IBAN + currency (or masked PAN), never by the bank's
  -- resourceId, so a renewed consent finds the same account and its history.
  CREATE TABLE accounts (
    id                TEXT PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('account', 'card')),
    iban              TEXT,
    masked_pan        TEXT,
    currency          TEXT NOT NULL,
    name              TEXT,
    product           TEXT,
    cash_account_type TEXT,
    created_at        TEXT NOT NULL
  );

  CREATE TABLE connection_accounts (
    connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    account_id    TEXT NOT NULL REFERENCES accounts(id),
    resource_id   TEXT NOT NULL,
    balances      INTEGER NOT NULL,
    transactions  INTEGER NOT NULL,
    PRIMARY KEY (connection_id, account_id)
  );
  `,
  `
  -- Production bank profiles the person configured; their client secrets are in the keychain.
  CREATE TABLE bank_profiles (
    id         TEXT PRIMARY KEY,
    settings   TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE app_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
];
