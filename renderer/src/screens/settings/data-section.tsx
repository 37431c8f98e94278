import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/store-context.js';

/** Where the person's data lives and where the log is written, to find them or send the log with a report. */
export function DataSection() {
  const { t } = useTranslation(['settings', 'common']);
  const info = useApp((s) => s.appInfo);
  const headingId = useId();
  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('data.heading')}</h2>
      {info === null ? <p className="hint">{t('common:loading')}</p> : (
        <dl className="profile-facts">
          <dt>{t('data.folder')}</dt>
          <dd>{info.dataDir === null ? t('data.ephemeral', { reason: info.reason ?? '' }) : <code>{info.dataDir}</code>}</dd>
          <dt>{t('data.log')}</dt>
          <dd>{info.logFile === null ? t('data.noLog') : <code>{info.logFile}</code>}</dd>
          {info.vendorProfile !== null && (
            <>
              <dt>{t('data.vendorProfile')}</dt>
              <dd>
                <code>{info.vendorProfile.source}</code>
                {info.vendorProfile.problem !== null && <span className="bad"> {t('data.vendorProblem', { problem: info.vendorProfile.problem })}</span>}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
