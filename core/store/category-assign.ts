import { createHash } from 'node:crypto';
import { BUILTIN_CATEGORY_IDS, type RuleField } from '../../common/categories.js';
import { categoriser, type Categorise, type PersonRule } from '../categories/category-matcher.js';
import { DEFAULT_RULES } from '../categories/default-rules.js';
import type { Db } from './database.js';
import { ENTRY_ID } from './fts-match.js';

/**
 * Keeping every transaction's stored category what the precedence decides (docs/categories.md).
 * A sync categorises the rows it adds (storeAccountReport); a change to the person's rules or
 * categories, or a new version's defaults, decides the rows again here. A manual choice is
 * never touched by these: only the person sets or clears it.
 */

/** The person's rules, newest first: the order their precedence takes. */
export function personRules(db: Db): PersonRule[] {
  return db.prepare('SELECT id, pattern, field, category_id AS categoryId FROM category_rules ORDER BY id DESC').all() as PersonRule[];
}

/** The categoriser of the rules as they are in the store now. */
export const storedCategoriser = (db: Db): Categorise => categoriser(personRules(db));

interface Candidate {
  id: number;
  counterparty_name: string | null;
  remittance: string | null;
  incoming: number;
  category_id: string | null;
  category_source: string | null;
  category_rule: number | null;
}

/** Rows read and written at a time: a recategorisation of years of history holds only this many. */
const CHUNK = 5000;

/**
 * Which stored rows a change can move: deciding only those keeps a rule's creation or deletion
 * to the rows it concerns (milliseconds) instead of every row of the history (bench:
 * categories.recategorise_100k_ms).
 */
export type Affected =
  | { kind: 'all' }
  /** Rows without a category yet. */
  | { kind: 'undecided' }
  /** Rows whose text holds a new rule's words: found through the text-search index. */
  | { kind: 'matching'; words: readonly string[]; field: RuleField }
  /** Rows a rule of the person's decided. */
  | { kind: 'decided-by'; ruleId: number }
  /** Rows in a category. */
  | { kind: 'in'; categoryId: string };

function affectedSql(affected: Affected): { where: string; params: unknown[] } {
  switch (affected.kind) {
    case 'all': return { where: '1', params: [] };
    case 'undecided': return { where: 'category_source IS NULL', params: [] };
    // The words are letters and digits only (matchWords), so each quoted word cannot break the query; the
    // FTS5 tokenizer folds case and diacritics as matchWords does. The index keeps no positions or
    // columns (detail=none, the search's schema step), so this finds the rows holding every word
    // in either column: more than the rule's phrase in its field, never less, and recategorise
    // decides each of them exactly (a row the rule does not concern is decided as it was).
    case 'matching': return { where: `id IN (SELECT ${ENTRY_ID} FROM transactions_fts WHERE transactions_fts MATCH ?)`, params: [affected.words.map((w) => `"${w}"`).join(' ')] };
    case 'decided-by': return { where: 'category_rule = ?', params: [affected.ruleId] };
    case 'in': return { where: 'category_id = ?', params: [affected.categoryId] };
  }
}

/**
 * Decides again the affected rows not set by hand and writes those whose category or reason
 * changed. Returns how many changed.
 */
export function recategorise(db: Db, affected: Affected = { kind: 'all' }): number {
  const decide = storedCategoriser(db);
  const { where, params } = affectedSql(affected);
  const read = db.prepare(
    `SELECT id, counterparty_name, remittance, amount_micros > 0 AS incoming, category_id, category_source, category_rule
     FROM transactions WHERE ${where} AND (category_source IS NULL OR category_source <> 'manual') AND id > ? ORDER BY id LIMIT ?`,
  );
  const write = db.prepare('UPDATE transactions SET category_id = ?, category_source = ?, category_rule = ? WHERE id = ?');
  return db.transaction(() => {
    let changed = 0;
    let after = 0;
    for (;;) {
      const rows = read.all(...params, after, CHUNK) as Candidate[];
      for (const r of rows) {
        const d = decide({ counterparty: r.counterparty_name, remittance: r.remittance, incoming: r.incoming === 1 });
        if (d.categoryId === r.category_id && d.source === r.category_source && d.ruleId === r.category_rule) continue;
        write.run(d.categoryId, d.source, d.ruleId, r.id);
        changed += 1;
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < CHUNK) return changed;
      after = last.id;
    }
  })();
}

/** Changes when a version ships other default rules or built-in categories. */
const defaultsDigest = (): string =>
  createHash('sha256').update(JSON.stringify([BUILTIN_CATEGORY_IDS, DEFAULT_RULES])).digest('base64url').slice(0, 16);

/**
 * Run when the store opens: rows stored before categories existed get theirs, and when this
 * version's defaults differ from those the rows were decided by, every row not set by hand is
 * decided again. Costs one indexed look-up when there is nothing to do.
 */
export function ensureCategorised(db: Db): void {
  const digest = defaultsDigest();
  const stored = db.prepare('SELECT digest FROM category_defaults').pluck().get() as string | undefined;
  if (stored !== digest) {
    db.transaction(() => {
      recategorise(db, { kind: 'all' });
      db.prepare('DELETE FROM category_defaults').run();
      db.prepare('INSERT INTO category_defaults (digest) VALUES (?)').run(digest);
    })();
    return;
  }
  const undecided = db.prepare('SELECT 1 FROM transactions WHERE category_source IS NULL LIMIT 1').get();
  if (undecided !== undefined) recategorise(db, { kind: 'undecided' });
}
