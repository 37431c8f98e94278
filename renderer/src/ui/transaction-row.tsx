import { memo } from 'react';
import { formatIban } from '../../../common/iban.js';
import { formatMoney, isNegative } from '../../../common/format-money.js';
import type { StoredTransaction } from '../../../common/queries.js';
import { formatDate } from '../format/date.js';

/** The words every row may need, looked up once per list and language rather than once per row. */
export interface RowWords {
  noCounterparty: string;
  pending: string;
  locale: string;
}

/**
 * Memoised: a scroll re-renders the list, and only the lines whose row changed need rendering. A
 * line's element is reused for the row that takes its slot (see the list), so a row renders into
 * another row's DOM: everything it shows and does comes from its props, nothing from what was there.
 * No i18n hook in here: a hook per row cost more than the row itself (its words come from the list, once).
 */
export const Row = memo(function Row({ t, accountName, category, words, onOpen }: { t: StoredTransaction; accountName: string | undefined; category: string | undefined; words: RowWords; onOpen: (t: StoredTransaction) => void }) {
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : words.noCounterparty);
  return (
    <button type="button" className={t.status === 'pending' ? 'tx-row pending' : 'tx-row'} data-row-id={t.rowId} onClick={() => onOpen(t)}>
      <span className="tx-date">{formatDate(t.bookingDate ?? t.valueDate ?? t.day, words.locale)}</span>
      <span className="tx-who">
        <span className="tx-counterparty">{who}</span>
        <span className="tx-remittance">{[category, accountName, t.remittance].filter((x) => x !== undefined).join(' · ')}</span>
      </span>
      <span className="tx-amount">
        <span className={isNegative(t.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(t.amount, { sign: 'always', locale: words.locale })}</span>
        {t.status === 'pending' && <span className="badge info">{words.pending}</span>}
      </span>
    </button>
  );
});

export function Skeleton() {
  return (
    <span className="tx-row tx-skeleton" aria-hidden="true">
      <span className="bone short" />
      <span className="bone long" />
      <span className="bone short" />
    </span>
  );
}
/** One element for every placeholder: a line that shows a skeleton and shows one again is not rendered anew. */
export const SKELETON = <Skeleton />;
