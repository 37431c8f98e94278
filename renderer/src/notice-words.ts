import type { TFunction } from 'i18next';
import type { Notice } from '../../common/notices.js';
import { formatMoney } from '../../common/format-money.js';
import { formatDate } from './format/date.js';
import type { Namespace } from './i18n/resources.js';

/** A notice in the person's language: its title and one sentence of what to do. */
export function noticeWords(t: TFunction<Namespace[]>, locale: string, notice: Notice): { title: string; body: string } {
  switch (notice.kind) {
    case 'consent-expiring': {
      const { label, daysLeft, validUntil } = notice.params;
      return { title: t('notices:expiringTitle', { label }), body: t('notices:expiringBody', { count: daysLeft, date: formatDate(validUntil, locale) }) };
    }
    case 'consent-expired':
      return { title: t('notices:expiredTitle', { label: notice.params.label }), body: t('notices:expiredBody') };
    case 'new-transactions':
      return { title: t('notices:newTitle'), body: t('notices:newBody', { count: notice.params.count }) };
    case 'payment-finished': {
      const { outcome, creditorName, transfers, total } = notice.params;
      const amount = formatMoney(total, { locale });
      return {
        title: t(`notices:payment.${outcome}`),
        body: creditorName === null ? t('notices:paymentBulk', { count: transfers, amount }) : t('notices:paymentSingle', { name: creditorName, amount }),
      };
    }
  }
}
