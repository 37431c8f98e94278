import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfileView } from '../../../../common/contract.js';
import { selectBusy } from '../../store/selectors.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import './welcome.css';

/** The production wizard's route (the settings area builds it): where "Connect CEC Bank" goes without a profile. */
export const CEC_WIZARD_PATH = '/connect/cec';

/** The profile "Connect CEC Bank" signs in with: a production one, the vendor's or one the person saved. */
export const cecProfile = (profiles: readonly ProfileView[]): ProfileView | undefined =>
  profiles.find((p) => p.vendor === true) ?? profiles.find((p) => p.kind === 'cec-production');

export const demoProfile = (profiles: readonly ProfileView[]): ProfileView | undefined => profiles.find((p) => p.kind === 'sandbox');

/**
 * The first run: no connection yet. The demo bank is the default, one click away, through its own
 * pages; CEC Bank goes straight to the bank's login when a production profile is there (a
 * vendor's build carries one), else to the wizard that makes one.
 */
export function WelcomeScreen() {
  const profiles = useAppList((s) => s.profiles);
  const authorizing = useApp(selectBusy('authorize'));
  const connect = useApp((s) => s.connect);
  const headingId = useId();
  const { t } = useTranslation('welcome');
  const demo = demoProfile(profiles);
  const cec = cecProfile(profiles);

  return (
    <section className="welcome" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('heading')}</h1>
      <p className="welcome-intro">{t('intro')}</p>
      <div className="welcome-choices">
        <div className="panel welcome-choice default">
          <h2>{t('demoHeading')}</h2>
          <p>{t('demoText')}</p>
          {/* connect opens the bank's popup: it must run inside this click. */}
          <button type="button" className="primary" disabled={demo === undefined || authorizing} onClick={() => demo !== undefined && void connect(demo.id, t('demoLabel'))}>
            {t('demoButton')}
          </button>
        </div>
        <div className="panel welcome-choice">
          <h2>{t('cecHeading')}</h2>
          <p>{cec === undefined ? t('cecWizardText') : t('cecText')}</p>
          {cec === undefined ? (
            <Link className="button-link" to={CEC_WIZARD_PATH}>{t('cecButton')}</Link>
          ) : (
            <button type="button" disabled={authorizing} onClick={() => void connect(cec.id, cec.displayName)}>{t('cecButton')}</button>
          )}
        </div>
      </div>
    </section>
  );
}
