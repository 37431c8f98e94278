import { selectBusy } from '../store/selectors.js';
import { errorText, strings } from '../strings.js';
import { useApp } from './store-context.js';

/** The last error, announced to screen readers as it appears. */
export function ErrorBanner() {
  const error = useApp((s) => s.lastError);
  const dismiss = useApp((s) => s.dismissError);
  return (
    <div role="alert" className={error === null ? 'banner empty' : 'banner error'}>
      {error !== null && (
        <>
          <span>{errorText(error)}</span>
          <button type="button" onClick={dismiss}>{strings.dismiss}</button>
        </>
      )}
    </div>
  );
}

/** While the bank's page is open: where to look, and a way out that does not need that window. */
export function AuthorizingBanner() {
  const authorizing = useApp(selectBusy('authorize'));
  const cancel = useApp((s) => s.cancelAuthorization);
  return (
    <div role="status" className={authorizing ? 'banner info' : 'banner empty'}>
      {authorizing && (
        <>
          <span>{strings.authorizing}</span>
          <button type="button" onClick={() => void cancel()}>{strings.cancel}</button>
        </>
      )}
    </div>
  );
}

/** No OS keychain: everything lives in memory. Says so for as long as the app runs, with the keychain's reason. */
export function EphemeralBanner() {
  const info = useApp((s) => s.appInfo);
  const ephemeral = info?.ephemeral === true;
  return (
    <div role="status" className={ephemeral ? 'banner info' : 'banner empty'}>
      {ephemeral && (
        <span>
          {strings.ephemeral}
          {info.reason !== null && <small className="banner-detail"> {strings.ephemeralWhy}: {info.reason}</small>}
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
  return (
    <div role="alert" className={locked ? 'banner error' : 'banner empty'}>
      {locked && (
        <>
          <span>{strings.storeLocked}</span>
          <button type="button" disabled={busy} onClick={() => void startFresh()}>{strings.startFresh}</button>
        </>
      )}
    </div>
  );
}
