import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { BulkPreview } from '../../../../common/contract-bulk-preview.js';
import { formatIban } from '../../../../common/iban.js';
import { PAYABLE_CURRENCIES } from '../../../../common/payable-currencies.js';
import type { AppError } from '../../../../common/result.js';
import { errorText } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { usePick } from '../../ui/store-context.js';
import { BulkPreviewView } from './bulk-preview.js';
import { BULK_TEMPLATE_NAME, bulkTemplateHref } from './bulk-template.js';
import { newIdempotencyKey, usePayer } from './use-payer.js';
import './payments.css';

/**
 * `/payments/bulk`: a CSV read by core's bulk parser, previewed row by row with each problem's
 * row and column; Pay exists only when no problem remains, and one authorisation pays them all.
 */
export function BulkScreen() {
  const { t } = useTranslation(['payments', 'common']);
  const text = useText();
  const navigate = useNavigate();
  const { previewBulk, pay } = usePick('previewBulk', 'pay');
  const { accounts, profileOf } = usePayer();
  const [from, setFrom] = useState('');
  const [currency, setCurrency] = useState<string>('RON');
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [sent, setSent] = useState(false);

  const read = (content: string, cur: string) => {
    setError(null);
    void previewBulk(content, cur).then((r) => {
      if (r.ok) setPreview(r.value);
      else setError(r.error);
    });
  };
  const onFile = (file: File | undefined) => {
    if (file === undefined) return;
    void file.text().then((content) => {
      setCsv(content);
      // Another file is another bulk: a new intent.
      setKey(newIdempotencyKey());
      read(content, currency);
    });
  };
  const transfers = preview?.transfers ?? null;
  const payCurrency = preview?.currency ?? currency;
  const account = accounts.find((a) => a.id === from);

  const onPay = () => {
    if (transfers === null || sent) return;
    const profileId = profileOf(from);
    if (profileId === null) return;
    setSent(true);
    void pay({ kind: 'bulk', idempotencyKey: key, profileId, currency: payCurrency, items: transfers, ...(account?.iban === undefined ? {} : { debtorIban: account.iban }) }).then((r) => {
      if (r.ok) void navigate(`/payments/${r.value.id}`);
      else {
        setSent(false);
        setError(r.error);
      }
    });
  };

  return (
    <section className="payments-screen" aria-labelledby="bulk-heading">
      <h1 id="bulk-heading">{t('bulk.heading')}</h1>
      <nav className="payments-links">
        <Link to="/payments">{t('heading')}</Link>
        <a href={bulkTemplateHref()} download={BULK_TEMPLATE_NAME}>{t('bulk.template')}</a>
      </nav>
      <div className="payment-form">
        <label htmlFor="bulk-from">{t('form.from')}</label>
        <select id="bulk-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('form.letBankAsk')}</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{`${a.name ?? a.product ?? ''} ${formatIban(a.iban ?? '')} (${a.currency})`.trim()}</option>)}
        </select>
        <label htmlFor="bulk-currency">{t('bulk.currency')}</label>
        <select id="bulk-currency" value={currency} onChange={(e) => { setCurrency(e.target.value); if (csv !== null) read(csv, e.target.value); }}>
          {PAYABLE_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <label htmlFor="bulk-file">{t('bulk.file')}</label>
        <input id="bulk-file" type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} />
      </div>
      {error !== null ? <p role="alert" className="error">{error.code === 'POPUP_BLOCKED' ? t('popupBlocked') : errorText(text, error)}</p> : null}
      {preview !== null ? (
        <>
          <BulkPreviewView
            preview={preview}
            notice={account !== undefined && preview.currency !== undefined && account.currency !== preview.currency
              ? <p role="alert" className="error">{t('problem.currencyMismatch', { account: account.currency, currency: preview.currency })}</p>
              : null}
          />
          {transfers !== null && !(account !== undefined && account.currency !== payCurrency) ? (
            <button type="button" className="primary" onClick={onPay} disabled={sent}>{t('bulk.pay')}</button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
