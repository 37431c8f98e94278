import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../../common/iban.js';
import type { StoredAccount } from '../../../../common/queries.js';
import { presetPeriod, type InsightsPeriod, type PresetName } from './period.js';

const PRESETS: readonly PresetName[] = ['month', 'quarter', 'year', 'calendarYear'];

/** An account as the person knows it: its product (CEC's `name` is a customer number) and its IBAN. */
function accountLabel(account: StoredAccount, fallback: string): string {
  const number = account.iban !== undefined ? formatIban(account.iban) : (account.maskedPan ?? '');
  return [account.product ?? account.name ?? fallback, number].filter((p) => p !== '').join(' · ');
}

/** Which accounts, which days, which currency: each change goes to the address. */
export function PeriodControls({ period, accounts, currencies, currency, onChange }: {
  period: InsightsPeriod; accounts: StoredAccount[]; currencies: string[]; currency: string | undefined; onChange: (next: InsightsPeriod) => void;
}) {
  const { t } = useTranslation(['insights', 'common']);
  const ids = { account: useId(), from: useId(), to: useId(), currency: useId() };
  // The same account under two consents is one account here: its id is stable across them.
  const unique = [...new Map(accounts.map((a) => [a.id, a])).values()];
  const withAccount = (id: string) => {
    const others: InsightsPeriod = { from: period.from, to: period.to, ...(period.currency === undefined ? {} : { currency: period.currency }) };
    onChange(id === '' ? others : { ...others, account: id });
  };

  return (
    <form className="period-controls panel" onSubmit={(e) => e.preventDefault()} aria-label={t('period.label')}>
      <div className="field">
        <label htmlFor={ids.account}>{t('period.accounts')}</label>
        <select id={ids.account} value={period.account ?? ''} onChange={(e) => withAccount(e.target.value)}>
          <option value="">{t('period.allAccounts')}</option>
          {unique.map((a) => <option key={a.id} value={a.id}>{accountLabel(a, t('common:account'))}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.from}>{t('period.from')}</label>
        <input id={ids.from} type="date" value={period.from} max={period.to} required onChange={(e) => e.target.value !== '' && onChange({ ...period, from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('period.to')}</label>
        <input id={ids.to} type="date" value={period.to} min={period.from} required onChange={(e) => e.target.value !== '' && onChange({ ...period, to: e.target.value })} />
      </div>
      <div className="presets" role="group" aria-label={t('period.presets')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" onClick={() => onChange({ ...period, ...presetPeriod(p, new Date()) })}>{t(`period.preset.${p}`)}</button>
        ))}
      </div>
      {currencies.length > 1 && (
        <div className="field">
          <label htmlFor={ids.currency}>{t('period.currency')}</label>
          <select id={ids.currency} value={currency ?? ''} onChange={(e) => onChange({ ...period, currency: e.target.value })}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      )}
    </form>
  );
}
