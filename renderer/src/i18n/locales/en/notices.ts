import type { Translation } from '../../translation.js';
import type { notices as ro } from '../ro/notices.js';

export const notices: Translation<typeof ro> = {
  expiringTitle: 'The consent “{{label}}” ends soon',
  expiringBody_one: '{{count}} day left, until {{date}}. Renew it in Conturi to keep its accounts updating.',
  expiringBody_few: '{{count}} days left, until {{date}}. Renew it in Conturi to keep its accounts updating.',
  expiringBody_other: '{{count}} days left, until {{date}}. Renew it in Conturi to keep its accounts updating.',
  expiredTitle: 'The consent “{{label}}” has ended',
  expiredBody: 'Its accounts are no longer updated. Renew it in Conturi.',
  newTitle: 'New transactions',
  newBody_one: 'The automatic update brought {{count}} new transaction.',
  newBody_few: 'The automatic update brought {{count}} new transactions.',
  newBody_other: 'The automatic update brought {{count}} new transactions.',
  payment: {
    settled: 'Payment executed',
    partial: 'Bulk payment partly executed',
    rejected: 'Payment rejected by the bank',
    cancelled: 'Payment cancelled by the bank',
    failed: 'Payment not sent',
  },
  paymentSingle: '{{amount}} to {{name}}. The details are in Payments.',
  paymentBulk_one: '{{amount}} in {{count}} transfer. The details are in Payments.',
  paymentBulk_few: '{{amount}} in {{count}} transfers. The details are in Payments.',
  paymentBulk_other: '{{amount}} in {{count}} transfers. The details are in Payments.',
};
