import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One credential with a Copy button that says when it worked (or that the clipboard refused). */
function Copyable({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('connectCec');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    void navigator.clipboard.writeText(value).then(() => setCopied('yes'), () => setCopied('failed'));
  };
  return (
    <div className="copyable">
      <dt>{label}</dt>
      <dd>
        <code>{value}</code>
        <button type="button" onClick={copy} aria-label={t('copyLabel', { what: label })}>{t('copy')}</button>
        <span role="status" className={copied === 'failed' ? 'field-problem' : 'field-ok'}>
          {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}
        </span>
      </dd>
    </div>
  );
}

/**
 * The bank shows the client secret once: here it is shown once too, to note down, and forgotten
 * when the wizard moves on (the app keeps it only in the OS keychain).
 */
export function SecretOnce({ clientId, clientSecret, secretStored, onContinue }: { clientId: string; clientSecret: string; secretStored: boolean; onContinue: () => void }) {
  const { t } = useTranslation('connectCec');
  return (
    <div className="secret-once">
      <p className="secret-warning">{t(secretStored ? 'secret.shownOnce' : 'secret.notStored')}</p>
      <dl>
        <Copyable label={t('clientId')} value={clientId} />
        <Copyable label={t('clientSecret')} value={clientSecret} />
      </dl>
      <button type="button" className="primary" onClick={onContinue}>{t('secret.noted')}</button>
    </div>
  );
}
