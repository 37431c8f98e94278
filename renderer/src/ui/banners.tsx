import { selectBusy } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useApp } from './store-context.js';

/** The last error, announced to screen readers as it appears. */
export function ErrorBanner() {
  const error = useApp((s) => s.lastError);
  const dismiss = useApp((s) => s.dismissError);
  const text = useText();
  return (
    <div role="alert" className={error === null ? 'banner empty' : 'banner error'}>
      {error !== null && (
        <>
          <span>{errorText(text, error)}</span>
          <button type="button" onClick={dismiss}>{text.t('dismiss')}</button>
        </>
      )}
    </div>
  );
}

/** While the bank's page is open: where to look, and a way out that does not need that window. */
export function AuthorizingBanner() {
  const authorizing = useApp(selectBusy('authorize'));
  const cancel = useApp((s) => s.cancelAuthorization);
  const { t } = useTranslation();
  return (
    <div role="status" className={authorizing ? 'banner info' : 'banner empty'}>
      {authorizing && (
        <>
          <span>{t('authorizing')}</span>
          <button type="button" onClick={() => void cancel()}>{t('cancel')}</button>
        </>
      )}
    </div>
  );
}

/** No OS keychain: everything lives in memory. Says so for as long as the app runs, with the keychain's reason. */
export function EphemeralBanner() {
  const info = useApp((s) => s.appInfo);
  const ephemeral = info?.ephemeral === true;
  const { t } = useTranslation();
  return (
    <div role="status" className={ephemeral ? 'banner info' : 'banner empty'}>
      {ephemeral && (
        <span>
          {t('ephemeral')}
          {info.reason !== null && <small className="banner-detail"> {t('ephemeralWhy')}: {info.reason}</small>}
        </span>
      )}
    </div>
  );
}

/** The local copy cannot be opened with the keychain's key: the one way on is the person's "start fresh". */
export function StoreLockedBanner() {
  const locked = useApp((s) => s.appInfo?.locked === true);
  const busy = useApp(selectBusy('store'));
  const startFresh = useApp((s) => s.startFresh);
  const { t } = useTranslation();
  return (
    <div role="alert" className={locked ? 'banner error' : 'banner empty'}>
      {locked && (
        <>
          <span>{t('storeLocked')}</span>
          <button type="button" disabled={busy} onClick={() => void startFresh()}>{t('startFresh')}</button>
        </>
      )}
    </div>
  );
}
