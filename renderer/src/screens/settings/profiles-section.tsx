import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary, ProfileView } from '../../../../common/contract.js';
import { formatDateTime } from '../../format/date.js';
import { useLocale } from '../../i18n/use-text.js';
import { ConfirmButton } from '../../ui/confirm-button.js';
import { useApp, useAppList } from '../../ui/store-context.js';

function Certificate({ label, certificate }: { label: string; certificate: CertificateSummary }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <span className="certificate-subject">{certificate.subject}</span>
        <span className={certificate.expired ? 'bad' : 'hint'}>
          {' '}{certificate.expired ? t('profiles.expiredOn', { at: formatDateTime(certificate.validTo, locale) }) : t('profiles.validUntil', { at: formatDateTime(certificate.validTo, locale) })}
        </span>
      </dd>
    </>
  );
}

/** A production profile: where it points, its client id, and what of its credentials is kept (never a secret itself). */
function ProductionProfile({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation('settings');
  const credentials = useApp((s) => s.profileCredentials[profile.id]);
  const load = useApp((s) => s.loadProfileCredentials);
  const remove = useApp((s) => s.removeProfile);
  const busy = useApp((s) => s.busy[`profile:${profile.id}`] === true);
  const inUse = useApp((s) => s.connections.some((c) => c.profileId === profile.id));
  useEffect(() => void load(profile.id), [load, profile.id]);

  return (
    <li className="profile">
      <h3>{profile.displayName}{profile.vendor === true && <span className="tag">{t('profiles.vendor')}</span>}{profile.simulator === true && <span className="tag warn">{t('profiles.simulator')}</span>}</h3>
      <dl className="profile-facts">
        <dt>{t('profiles.baseUrl')}</dt><dd>{profile.baseUrl}</dd>
        <dt>{t('profiles.clientId')}</dt><dd>{profile.clientId}</dd>
        {credentials !== undefined && (
          <>
            <dt>{t('profiles.clientSecret')}</dt><dd>{t(`profiles.secret.${credentials.clientSecret}`)}</dd>
            <Certificate label={t('profiles.certificate')} certificate={credentials.certificate} />
            {credentials.qwac === undefined ? (<><dt>{t('profiles.qwac')}</dt><dd>{t('profiles.noQwac')}</dd></>) : (
              <>
                <Certificate label={t('profiles.qwac')} certificate={credentials.qwac} />
                <dt>{t('profiles.qwacKey')}</dt><dd>{t(credentials.qwac.keyAvailable ? 'profiles.keyStored' : 'profiles.keyMissing')}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {profile.vendor !== true && (
        inUse ? <p className="hint">{t('profiles.inUse')}</p> : (
          <ConfirmButton label={t('profiles.remove')} confirmLabel={t('profiles.confirmRemove', { name: profile.displayName })} disabled={busy} onConfirm={() => void remove(profile.id)} />
        )
      )}
    </li>
  );
}

/** The bank profiles: the demo bank that ships with the app, and each CEC registration with its credentials' state. */
export function ProfilesSection() {
  const { t } = useTranslation('settings');
  const profiles = useAppList((s) => s.profiles);
  const headingId = useId();
  const production = profiles.filter((p) => p.kind === 'cec-production');
  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profiles.heading')}</h2>
      <ul className="profiles" role="list">
        {profiles.filter((p) => p.kind === 'sandbox').map((p) => (
          <li key={p.id} className="profile"><h3>{p.displayName}</h3><p className="hint">{t('profiles.sandbox')}</p></li>
        ))}
        {production.map((p) => <ProductionProfile key={p.id} profile={p} />)}
      </ul>
      {production.length === 0 && <p className="hint">{t('profiles.noProduction')}</p>}
      <a className="button-link" href="#/connect/cec">{t('profiles.addCec')}</a>
    </section>
  );
}
