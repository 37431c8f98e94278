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
  `
  -- The local copy of the person's money (issue 9): what the sync engine stores and every screen
  -- reads. Amounts are kept twice: the bank's exact decimal text, for showing and exporting, and
  -- the same value as an integer of millionths, for sorting and summing exactly in SQL.

  -- Balances as the bank reported them: a history, one row per account, type and reference day
  -- (the bank's referenceDate, else the Bucharest day it was read). A later read of the same day
  -- replaces that day's row.
  CREATE TABLE balances (
    account_id            TEXT NOT NULL REFERENCES accounts(id),
    type                  TEXT NOT NULL,
    reference_date        TEXT NOT NULL,
    amount                TEXT NOT NULL,
    amount_micros         INTEGER NOT NULL,
    currency              TEXT NOT NULL,
    credit_limit_included INTEGER,
    read_at               TEXT NOT NULL,
    PRIMARY KEY (account_id, type, reference_date)
  ) WITHOUT ROWID;

  -- Booked and pending apart: a booked row is never deleted or rewritten by a sync; the pending
  -- rows of an account are the bank's latest pending list. bank_key is the bank's id, else the
  -- content fingerprint (fp:…:n), which counts identical twins. day is what lists sort by: the
  -- booking date, else the value date, else the day the bank first reported it.
  CREATE TABLE transactions (
    id                    INTEGER PRIMARY KEY,
    account_id            TEXT NOT NULL REFERENCES accounts(id),
    status                TEXT NOT NULL CHECK (status IN ('booked', 'pending')),
    bank_key              TEXT NOT NULL,
    day                   TEXT NOT NULL,
    booking_date          TEXT,
    value_date            TEXT,
    amount                TEXT NOT NULL,
    amount_micros         INTEGER NOT NULL,
    currency              TEXT NOT NULL,
    counterparty_name     TEXT,
    counterparty_iban     TEXT,
    remittance            TEXT,
    entry_reference       TEXT,
    bank_transaction_code TEXT,
    first_seen_at         TEXT NOT NULL,
    UNIQUE (account_id, status, bank_key)
  );
  -- All accounts by date (the Transactions screen), one account by date (the Account screen),
  -- by amount; each ends in id, the keyset's tie-break.
  CREATE INDEX transactions_by_day ON transactions (day, id);
  CREATE INDEX transactions_by_account_day ON transactions (account_id, day, id);
  CREATE INDEX transactions_by_amount ON transactions (amount_micros, id);

  -- Text search over counterparty and remittance: "bucuresti" finds "București".
  CREATE VIRTUAL TABLE transactions_fts USING fts5(
    counterparty_name, remittance,
    content = 'transactions', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER transactions_fts_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO transactions_fts (rowid, counterparty_name, remittance) VALUES (new.id, new.counterparty_name, new.remittance);
  END;
  CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, counterparty_name, remittance) VALUES ('delete', old.id, old.counterparty_name, old.remittance);
  END;
  CREATE TRIGGER transactions_fts_update AFTER UPDATE OF counterparty_name, remittance ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, counterparty_name, remittance) VALUES ('delete', old.id, old.counterparty_name, old.remittance);
    INSERT INTO transactions_fts (rowid, counterparty_name, remittance) VALUES (new.id, new.counterparty_name, new.remittance);
  END;

  -- Where each account's history stands. history_from is how far back its first complete sync
  -- reached; synced_at is null until one completed, so an interrupted first sync starts again.
  CREATE TABLE account_sync (
    account_id          TEXT PRIMARY KEY REFERENCES accounts(id),
    history_from        TEXT,
    synced_at           TEXT,
    attempted_at        TEXT,
    last_error_state    TEXT,
    last_error_message  TEXT
  ) WITHOUT ROWID;

  -- One row per sync run, for "last synced" and for the person's and our own diagnosis.
  CREATE TABLE sync_runs (
    id              INTEGER PRIMARY KEY,
    trigger         TEXT NOT NULL CHECK (trigger IN ('person', 'schedule', 'startup')),
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    outcome         TEXT CHECK (outcome IN ('ok', 'partial', 'failed')),
    accounts_synced INTEGER NOT NULL DEFAULT 0,
    accounts_failed INTEGER NOT NULL DEFAULT 0,
    accounts_deferred INTEGER NOT NULL DEFAULT 0,
    stored          INTEGER NOT NULL DEFAULT 0,
    requests        INTEGER NOT NULL DEFAULT 0,
    detail          TEXT
  );
  CREATE INDEX sync_runs_started ON sync_runs (started_at);

  -- The bank's daily budget of reads without the person (PSD2 RTS art. 36): accesses spent per
  -- connection (one consent), account and Europe/Bucharest day. An access is counted before its
  -- request goes out, so a crash can only over-count. exhausted: the bank said 429 anyway.
  CREATE TABLE unattended_accesses (
    connection_id TEXT NOT NULL,
    account_id    TEXT NOT NULL,
    bank_day      TEXT NOT NULL,
    used          INTEGER NOT NULL DEFAULT 0,
    exhausted     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (connection_id, account_id, bank_day)
  ) WITHOUT ROWID;

  -- When each connection's account list was last read: background runs read it once a day.
  ALTER TABLE connections ADD COLUMN accounts_read_at TEXT;
  `,
  `
  -- The store indexes new transactions for text search itself (storeAccountReport), one FTS5
  -- insert per new row from the same transaction. Fired from a trigger, each of those inserts
  -- cost FTS5 a flush of its pending terms (a new index segment per row): the trigger was 75% of
  -- the CPU of storing a report (bench: sync.cpu_ms_per_10k). The delete and update triggers stay:
  -- they fire for the few pending items a sync removes or refreshes.
  DROP TRIGGER transactions_fts_insert;
  `,
  `
  -- The items of an account's last stored report that could not be read or kept (JSON): the
  -- person sees "2 transactions could not be read" until a sync reads them.
  ALTER TABLE account_sync ADD COLUMN last_skipped TEXT;
  `,
  `
  -- Payments (issue 11): the payer's reference a booking carries (Berlin Group endToEndId), so a
  -- payment whose answer was lost is found among its debtor account's bookings. Rows stored
  -- before keep NULL: the bank's own id of a booked row never changes, so a later sync does not
  -- rewrite them. The index serves that lookup, per account.
  ALTER TABLE transactions ADD COLUMN end_to_end_id TEXT;
  CREATE INDEX transactions_by_end_to_end ON transactions (account_id, end_to_end_id) WHERE end_to_end_id IS NOT NULL;
  `,
  `
  -- Payments (issue 11): the person's address book of beneficiaries, one per IBAN (electronic
  -- form), so saving from a payment again updates the entry instead of adding a twin. The last
  -- amount is exact decimal text with its currency; both or neither.
  CREATE TABLE beneficiaries (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    iban            TEXT NOT NULL UNIQUE,
    default_details TEXT,
    last_amount     TEXT,
    last_currency   TEXT,
    last_used_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((last_amount IS NULL) = (last_currency IS NULL))
  );
  `,
  `
  -- Categories (issue 10 §5). Every transaction carries its category and how it was decided,
  -- written when it is stored and again when the person's rules change: lists filter on it
  -- through an index and insights group by it, with no rule to evaluate per row at read time
  -- (docs/categories.md). category_rule is the person's rule that decided it, so deleting the
  -- rule finds what it had decided. Built-in categories are keys in code, not rows here.
  ALTER TABLE transactions ADD COLUMN category_id TEXT;
  ALTER TABLE transactions ADD COLUMN category_source TEXT CHECK (category_source IN ('manual', 'rule', 'default', 'fallback'));
  ALTER TABLE transactions ADD COLUMN category_rule INTEGER;
  CREATE INDEX transactions_by_category ON transactions (category_id, day, id);
  -- What each of the person's rules decided: deleting one decides those rows again.
  CREATE INDEX transactions_by_rule ON transactions (category_rule) WHERE category_rule IS NOT NULL;
  -- Rows stored before this step, or by a version that did not categorise: the store fills them in.
  CREATE INDEX transactions_uncategorised ON transactions (id) WHERE category_source IS NULL;

  CREATE TABLE custom_categories (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- The person's rules; the newest wins over older ones and over the defaults.
  CREATE TABLE category_rules (
    id          INTEGER PRIMARY KEY,
    pattern     TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('counterparty', 'remittance', 'any')),
    category_id TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );
  `,
  `
  -- Notices (issue 10): the bank day each reminder was last given, by kind and connection, so a
  -- consent nearing its end is told at most once a day and an ended one once, across restarts.
  CREATE TABLE notices_sent (
    key TEXT PRIMARY KEY,
    day TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Categories (issue 10 §5): which default rules the stored categories were decided by (one
  -- row), apart from the person's settings; a version shipping other defaults decides the rows
  -- again (ensureCategorised). The first categories step kept it among app_settings.
  CREATE TABLE category_defaults (
    digest TEXT NOT NULL
  );
  DELETE FROM app_settings WHERE key = 'categories.defaults';
  `,
  `
  -- Payments (issue 11). One row per intent to pay: its idempotency key makes a double submit one
  -- intent; request_id is the X-Request-ID every initiation attempt of it sends; state is the
  -- machine's state as JSON (common/payments.ts), written before each call to the bank;
  -- authorised_once is set when the PSU's yes reached us, after which no other payment of the
  -- intent is ever initiated or authorised; save_beneficiary: the person ticked "save" (done at settlement).
  CREATE TABLE payments (
    id               TEXT PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    profile_id       TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('single', 'bulk')),
    debtor_iban      TEXT,
    currency         TEXT NOT NULL,
    request_id       TEXT NOT NULL,
    state            TEXT NOT NULL,
    authorised_once  INTEGER NOT NULL DEFAULT 0,
    sca_opened_at    TEXT,
    save_beneficiary INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
  );
  CREATE INDEX payments_created ON payments (created_at);

  -- The transfers of an intent (one for a single payment): our endToEndIdentification, what the
  -- bank last said of each.
  CREATE TABLE payment_items (
    payment_id       TEXT NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    end_to_end_id    TEXT NOT NULL UNIQUE,
    creditor_name    TEXT NOT NULL,
    creditor_iban    TEXT NOT NULL,
    amount           TEXT NOT NULL,
    remittance       TEXT NOT NULL,
    bank_payment_id  TEXT,
    status           TEXT,
    PRIMARY KEY (payment_id, position)
  ) WITHOUT ROWID;

  -- Every state an intent went through, in order: the timeline the person opens.
  CREATE TABLE payment_transitions (
    id          INTEGER PRIMARY KEY,
    payment_id  TEXT NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    state       TEXT NOT NULL
  );
  CREATE INDEX payment_transitions_payment ON payment_transitions (payment_id, id);
  `,
  `
  -- Search (issue 9, query.growth_1m_over_100k): a search's first page costs the same however
  -- many rows match. The text index is keyed in list order: search_key is the day as YYYYMMDD
  -- above the id (ids stay below 2^32), so ordering by it is ordering by (day, id), and a search
  -- walks the index newest first and stops at a page (core/store/search-list.ts). A prefix word
  -- ("kauf"*) would still merge every matching term's list before its first row; a prefix index
  -- per length up to 16 characters makes each such word one list, read lazily like a whole word.
  -- detail=none keeps only which rows hold a token (every word of a search is its own term, and
  -- nothing asks for positions), which pays for the prefix indexes: the text index is written at
  -- about the cost it had before. The key is a virtual column: nothing more is stored per row.
  ALTER TABLE transactions ADD COLUMN search_key INTEGER AS (CAST(replace(day, '-', '') AS INTEGER) * 4294967296 + id) VIRTUAL;
  DROP TRIGGER transactions_fts_delete;
  DROP TRIGGER transactions_fts_update;
  DROP TABLE transactions_fts;
  CREATE VIRTUAL TABLE transactions_fts USING fts5(
    counterparty_name, remittance,
    content = 'transactions', content_rowid = 'search_key',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none, prefix = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16'
  );
  INSERT INTO transactions_fts (transactions_fts) VALUES ('rebuild');
  CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, counterparty_name, remittance) VALUES ('delete', old.search_key, old.counterparty_name, old.remittance);
  END;
  CREATE TRIGGER transactions_fts_update AFTER UPDATE OF day, counterparty_name, remittance ON transactions BEGIN
    INSERT INTO transactions_fts (transactions_fts, rowid, counterparty_name, remittance) VALUES ('delete', old.search_key, old.counterparty_name, old.remittance);
    INSERT INTO transactions_fts (rowid, counterparty_name, remittance) VALUES (new.search_key, new.counterparty_name, new.remittance);
  END;
  `,
  `
  -- Transactions screen (h6): the pending items of a list, which it shows in their own section,
  -- and their count. They are few among many booked ones, so without an index of their own a
  -- page of them walked the whole date index (0.9 s over 100,000 rows); the list's conditions
  -- write the status as a literal so this partial index applies.
  CREATE INDEX transactions_pending_by_day ON transactions (day, id) WHERE status = 'pending';
  `,
  `
  -- Transaction details (issue 10 §3, the details drawer): each transaction's item as the bank
  -- sent it, as JSON text (its own text in the report, every number's digits as written), so the
  -- drawer shows every field the bank gave, the ones the domain does not map too. In a table
  -- of its own, not a column of transactions: the items would triple the rows' size, and every
  -- list page and every sum over the rows would read through them (measured over 100,000 rows:
  -- a monthly sum twice as slow). No row here: the transaction was stored before this step.
  CREATE TABLE transaction_bank_items (
    transaction_id INTEGER PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
    item           TEXT NOT NULL
  );
  `,
];
