import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppError } from '../../../common/result.js';
import { formatAge } from '../format/age.js';
import { errorText, failureText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { selectBusy } from '../store/selectors.js';
import { useApp } from './store-context.js';
import './states.css';

export interface ErrorStateProps {
  error: AppError;
  /** The connection the failure belongs to: Reconnect renews it. */
  connectionId?: string;
  /** The failure stopped a connection's accounts from updating: the sentence says it of them. */
  ofAccounts?: boolean;
  /** When the data still shown was synced: an offline failure says its age. */
  syncedAt?: string | undefined;
  /** A way to ask again, for failures a retry may clear. */
  onRetry?: () => void;
}

/**
 * A failure where its data would be, as one of the finite UI states (AppError.state, decided in
 * core) with what the person can do about it: reconnect, wait until the bank allows, read the
 * saved data and its age, fix the profile in Settings, or quote the bank's reference.
 */
export function ErrorState({ error, connectionId, ofAccounts = false, syncedAt, onRetry }: ErrorStateProps) {
  const text = useText();
  const { t } = useTranslation(['states', 'common']);
  const authorizing = useApp(selectBusy('authorize'));
  const renew = useApp((s) => s.renew);
  const sentence = ofAccounts ? failureText(text, error) : errorText(text, error);
  const reconnect = (error.state === 'reauth-required' || error.state === 'consent-expired') && connectionId !== undefined;
  const retry = onRetry !== undefined && (error.state === 'offline' || error.state === 'rate-limited' || error.state === 'failed' || error.state === 'app-unreachable');

  return (
    <div className={`error-state state-${error.state}`} role="alert" data-state={error.state}>
      <p className="error-sentence">{sentence}</p>
      {error.state === 'offline' && (
        <p className="meta">{syncedAt === undefined ? t('cachedNever') : t('cachedAge', { age: formatAge(syncedAt, new Date(), text.locale) })}</p>
      )}
      {/* errorText already names the code and the bank's reference; the detail is the bank's own words. */}
      {error.state === 'failed' && ofAccounts && error.message !== '' && <p className="meta">{t('detail', { detail: error.message })}</p>}
      {(reconnect || retry || error.state === 'misconfigured') && (
        <div className="actions">
          {reconnect && <button type="button" className="primary" disabled={authorizing} onClick={() => void renew(connectionId)}>{t('reconnect')}</button>}
          {error.state === 'misconfigured' && <Link to="/settings">{t('openSettings')}</Link>}
          {retry && <button type="button" onClick={onRetry}>{t('common:retry')}</button>}
        </div>
      )}
    </div>
  );
}
