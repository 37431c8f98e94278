import type { Db } from './database.js';

const LIVE_GRANTS = `SELECT ca.account_id FROM connection_accounts ca JOIN connections c ON c.id = ca.connection_id WHERE c.replaced_by IS NULL`;

/**
 * The accounts every read shows: those a connection grants that no renewal replaced, whether
 * or not its consent still reads (the person's history does not vanish when a consent ends).
 */
export function visibleAccountIds(db: Db): string[] {
  return (db.prepare(`SELECT DISTINCT account_id FROM (${LIVE_GRANTS}) ORDER BY account_id`).pluck().all() as string[]);
}

/**
 * Accounts whose data stays in the file though no live connection grants them any more (a
 * removed connection's): reads leave them out, and a new connection to them brings them back.
 * Usually none, so the lists' queries carry no extra condition.
 */
export function hiddenAccountIds(db: Db): string[] {
  return db.prepare(`SELECT id FROM accounts WHERE id NOT IN (${LIVE_GRANTS}) ORDER BY id`).pluck().all() as string[];
}
