import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AuthorizingBanner, EphemeralBanner, ErrorBanner, StoreLockedBanner } from '../banners.js';
import { useApplyPreferences } from './preferences.js';
import { Sidebar } from './sidebar.js';

/** Every screen's frame: the sidebar, the app-wide banners, and the screen itself. */
export function AppShell() {
  useApplyPreferences();
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      {/* A button, not `href="#main"`: under the hash router that address would be a screen. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>{t('skipToContent')}</button>
      <Sidebar />
      <div className="app-body">
        <StoreLockedBanner />
        <EphemeralBanner />
        <ErrorBanner />
        <AuthorizingBanner />
        {/* tabIndex so the skip link moves focus here, not just the scroll position. */}
        <main id="main" className="screen" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** An address no screen answers: say so, and offer the way back. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p>{t('notFound')}</p>
      <a href="#/">{t('backToOverview')}</a>
    </section>
  );
}
