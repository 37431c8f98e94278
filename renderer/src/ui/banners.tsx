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
