import { FALLBACK_INCOME, FALLBACK_SPENDING, type CategorySource, type RuleField } from '../../common/categories.js';
import { DEFAULT_RULES } from './default-rules.js';
import { matchWords } from './match-words.js';

/** A rule of the person's, as the store keeps it. */
export interface PersonRule {
  id: number;
  pattern: string;
  field: RuleField;
  categoryId: string;
}

/** What decided a transaction's category (without a manual choice, which the store keeps apart). */
export interface Decision {
  categoryId: string;
  source: Exclude<CategorySource, 'manual'>;
  /** The person's rule that matched; null otherwise. */
  ruleId: number | null;
}

interface Compiled {
  words: string[];
  field: RuleField;
  /** Lower wins: the person's rules newest first, then the defaults in their order. */
  rank: number;
  decision: Decision;
}

/** The texts of a transaction a rule reads, and the sign that picks the fallback. */
export interface Categorisable {
  counterparty: string | null;
  remittance: string | null;
  /** Above zero: money in. */
  incoming: boolean;
}

export type Categorise = (t: Categorisable) => Decision;

const FALLBACK: Record<'in' | 'out', Decision> = {
  in: { categoryId: FALLBACK_INCOME, source: 'fallback', ruleId: null },
  out: { categoryId: FALLBACK_SPENDING, source: 'fallback', ruleId: null },
};

/**
 * One function that categorises a transaction by the precedence of docs/categories.md: the
 * person's rules (newest first, `rules` in that order), then the default rules, then the
 * fallback by sign. Rules are indexed by their first word, so a transaction costs a map lookup
 * per word of its texts, not a comparison per rule.
 */
export function categoriser(rules: readonly PersonRule[]): Categorise {
  const byFirstWord = new Map<string, Compiled[]>();
  const add = (c: Compiled) => {
    const first = c.words[0];
    if (first === undefined) return;
    const list = byFirstWord.get(first);
    if (list === undefined) byFirstWord.set(first, [c]);
    else list.push(c);
  };
  rules.forEach((r, i) => add({ words: matchWords(r.pattern), field: r.field, rank: i, decision: { categoryId: r.categoryId, source: 'rule', ruleId: r.id } }));
  DEFAULT_RULES.forEach((r, i) =>
    add({ words: matchWords(r.pattern), field: r.field ?? 'any', rank: rules.length + i, decision: { categoryId: r.categoryId, source: 'default', ruleId: null } }),
  );

  /** The strongest rule in one text of one field; statements repeat texts (a shop, a card, a payee), so each is worked out once. */
  const memo = { counterparty: new Map<string, Compiled | null>(), remittance: new Map<string, Compiled | null>() };
  const strongest = (text: string | null, field: 'counterparty' | 'remittance'): Compiled | null => {
    if (text === null) return null;
    const known = memo[field].get(text);
    if (known !== undefined) return known;
    const words = matchWords(text);
    let winner: Compiled | null = null;
    for (let i = 0; i < words.length; i++) {
      const candidates = byFirstWord.get(words[i] as string);
      if (candidates === undefined) continue;
      for (const c of candidates) {
        if ((winner !== null && c.rank >= winner.rank) || (c.field !== 'any' && c.field !== field)) continue;
        if (followedBy(words, i, c.words)) winner = c;
      }
    }
    if (memo[field].size >= MEMO_LIMIT) memo[field].clear();
    memo[field].set(text, winner);
    return winner;
  };
  return (t) => {
    const a = strongest(t.counterparty, 'counterparty');
    const b = strongest(t.remittance, 'remittance');
    const winner = a === null ? b : b === null || a.rank < b.rank ? a : b;
    return winner?.decision ?? FALLBACK[t.incoming ? 'in' : 'out'];
  };
}

/** Texts remembered per field before starting over: bounds the memory of a long recategorisation. */
const MEMO_LIMIT = 50_000;

/** Whether `words` holds `pattern` starting at `at` (its first word is known to match). */
function followedBy(words: readonly string[], at: number, pattern: readonly string[]): boolean {
  if (at + pattern.length > words.length) return false;
  for (let k = 1; k < pattern.length; k++) if (words[at + k] !== pattern[k]) return false;
  return true;
}
