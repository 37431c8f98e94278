import type { GenerateOptions, Psu } from '../state/types.js';
import { openAccounts, type AccountShell } from './accounts.js';
import { addMonths, bucharestDay } from './calendar.js';
import { cardHistory } from './card-history.js';
import type { Draft, History, Span } from './drafts.js';
import { euroHistory } from './euro-history.js';
import { finishAccount } from './finish.js';
import { UniqueIds } from './ids.js';
import { Rng, seedFor } from './prng.js';
import { demoProfiles, type PsuProfile } from './profiles.js';
import { salaryAccountHistory } from './salary-history.js';
import { savingsHistory } from './savings-history.js';
import { sideAccountHistory } from './side-history.js';
import type { Card } from './spending.js';

/** How far back the demo history goes: more than two years, so multi-year queries have data. */
const HISTORY_MONTHS = 26;

/** The four accounts every demo PSU has: RON current, EUR current, savings, credit card. */
const MIN_ACCOUNTS_PER_PSU = 4;

function checkOptions(options: GenerateOptions): void {
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number');
  const accounts = options.accountsPerPsu;
  if (accounts !== undefined && (!Number.isInteger(accounts) || accounts < MIN_ACCOUNTS_PER_PSU)) {
    throw new RangeError(`accountsPerPsu must be an integer >= ${MIN_ACCOUNTS_PER_PSU}`);
  }
  const perAccount = options.transactionsPerAccount;
  if (perAccount !== undefined && (!Number.isInteger(perAccount) || perAccount < 0)) {
    throw new RangeError('transactionsPerAccount must be a non-negative integer');
  }
}

function cardOf(shell: AccountShell): Card {
  if (!shell.card) throw new Error(`account ${shell.resourceId} (${shell.role}) has no card`);
  return shell.card;
}

/**
 * One PSU's accounts and histories. The other accounts go first because the salary account books
 * their transfers' other side (savings standing orders, card repayments, currency exchanges).
 */
function buildPsu(profile: PsuProfile, accountCount: number, span: Span, seed: number, ids: UniqueIds): Psu {
  // Each account draws from its own stream, so one account's volume never reshuffles another's story.
  const rngFor = (label: string): Rng => new Rng(seedFor(seed, profile.userId, label));
  const shells = openAccounts(profile, accountCount, ids, rngFor('accounts'));
  const salary = shells.find((shell) => shell.role === 'salary');
  if (!salary) throw new Error('every PSU has a salary account');

  const histories = new Map<AccountShell, History>();
  const mirrors: Draft[] = [];
  shells.forEach((shell, index) => {
    const own = { rng: rngFor(`${shell.role}-${index}`), span, profile, iban: shell.iban, salaryIban: salary.iban };
    if (shell.role === 'savings' || shell.role === 'credit' || shell.role === 'euro') {
      const history =
        shell.role === 'savings'
          ? savingsHistory(own)
          : shell.role === 'credit'
            ? cardHistory({ ...own, card: cardOf(shell), creditLimitMinor: shell.creditLimitMinor ?? 0 })
            : euroHistory({ ...own, card: cardOf(shell) });
      mirrors.push(...history.mirrors);
      histories.set(shell, history);
    } else if (shell.role === 'side') {
      histories.set(shell, sideAccountHistory({ rng: own.rng, span, currency: shell.currency, card: cardOf(shell) }));
    }
  });
  histories.set(salary, salaryAccountHistory({ rng: rngFor('salary'), span, profile, card: cardOf(salary), linked: mirrors }));

  const finishing = rngFor('finish');
  const accounts = shells.map((shell) => {
    const history = histories.get(shell);
    if (!history) throw new Error(`no history for ${shell.role}`);
    return finishAccount(shell, history, profile.displayName, ids, finishing);
  });
  return { userId: profile.userId, displayName: profile.displayName, accounts };
}

/**
 * The sandbox bank's demo PSUs, `demo` (Ion Popescu) and `demo2` (Maria Ionescu), each with a RON
 * current, an EUR current, a RON savings and a RON credit-card account (plus extra current accounts
 * up to `accountsPerPsu`) and about 26 months of Romanian everyday history ending on `today`'s
 * Europe/Bucharest date. Pure: the same options give deep-equal PSUs.
 */
export function generatePsus(options: GenerateOptions): Psu[] {
  checkOptions(options);
  const today = bucharestDay(options.today);
  const span: Span = { start: addMonths(today, -HISTORY_MONTHS), today };
  if (options.transactionsPerAccount !== undefined) span.target = options.transactionsPerAccount;
  // One allocator for the whole bank: resource and transaction ids are unique across PSUs.
  const ids = new UniqueIds(new Rng(seedFor(options.seed, 'ids')));
  const accountCount = options.accountsPerPsu ?? MIN_ACCOUNTS_PER_PSU;
  return demoProfiles.map((profile) => buildPsu(profile, accountCount, span, options.seed, ids));
}
