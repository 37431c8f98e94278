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
  `
  -- A renewal's predecessor is the same connection to the person: removing the connection removes
  -- its history of renewals with it (their consents are ended or pending termination by then).
  -- SQLite changes a foreign key only by rebuilding the table; migrate() runs this with
  -- enforcement off, so dropping the old table cascades into nothing, and checks the links after.
  CREATE TABLE connections_v4 (
    id              TEXT PRIMARY KEY,
    profile_id      TEXT NOT NULL,
    label           TEXT NOT NULL,
    consent_id      TEXT NOT NULL,
    consent_status  TEXT NOT NULL,
    valid_until     TEXT,
    reauth_required INTEGER NOT NULL DEFAULT 0,
    replaced_by     TEXT REFERENCES connections(id) ON DELETE CASCADE,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (profile_id, consent_id)
  );
  INSERT INTO connections_v4 (id, profile_id, label, consent_id, consent_status, valid_until, reauth_required, replaced_by, created_at, updated_at)
    SELECT id, profile_id, label, consent_id, consent_status, valid_until, reauth_required, replaced_by, created_at, updated_at FROM connections;
  DROP TABLE connections;
  ALTER TABLE connections_v4 RENAME TO connections;
  CREATE INDEX connections_replaced_by ON connections (replaced_by);

  -- Consents to end at the bank that it has not confirmed yet (a renewal's old consent, an
  -- abandoned connect, a removal while offline). No link to connections: the consent outlives
  -- the connection's row, and it is the consent that must end.
  CREATE TABLE pending_terminations (
    profile_id      TEXT NOT NULL,
    consent_id      TEXT NOT NULL,
    connection_id   TEXT,
    reason          TEXT NOT NULL CHECK (reason IN ('renewed', 'abandoned', 'removed')),
    valid_until     TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (profile_id, consent_id)
  );
  CREATE INDEX pending_terminations_due ON pending_terminations (next_attempt_at);

  -- Renewals before this version could leave the old consent live when its DELETE failed.
  INSERT INTO pending_terminations (profile_id, consent_id, connection_id, reason, valid_until, next_attempt_at, created_at)
    SELECT profile_id, consent_id, id, 'renewed', valid_until, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM connections WHERE replaced_by IS NOT NULL AND consent_status IN ('valid', 'received');
  `,
];
