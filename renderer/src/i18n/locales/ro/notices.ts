/** System notifications: what core tells the person between visits (common/notices.ts). */
export const notices = {
  expiringTitle: 'Acordul „{{label}}” expiră curând',
  expiringBody_one: 'Mai este {{count}} zi, până la {{date}}. Reînnoiți-l în Conturi ca să se actualizeze în continuare.',
  expiringBody_few: 'Mai sunt {{count}} zile, până la {{date}}. Reînnoiți-l în Conturi ca să se actualizeze în continuare.',
  expiringBody_other: 'Mai sunt {{count}} de zile, până la {{date}}. Reînnoiți-l în Conturi ca să se actualizeze în continuare.',
  expiredTitle: 'Acordul „{{label}}” a expirat',
  expiredBody: 'Conturile lui nu se mai actualizează. Reînnoiți-l în Conturi.',
  newTitle: 'Tranzacții noi',
  newBody_one: 'Actualizarea automată a adus {{count}} tranzacție nouă.',
  newBody_few: 'Actualizarea automată a adus {{count}} tranzacții noi.',
  newBody_other: 'Actualizarea automată a adus {{count}} de tranzacții noi.',
  payment: {
    settled: 'Plată executată',
    partial: 'Plată multiplă executată parțial',
    rejected: 'Plată respinsă de bancă',
    cancelled: 'Plată anulată de bancă',
    failed: 'Plată netrimisă',
  },
  paymentSingle: '{{amount}} către {{name}}. Detaliile sunt în Plăți.',
  paymentBulk_one: '{{amount}} în {{count}} transfer. Detaliile sunt în Plăți.',
  paymentBulk_few: '{{amount}} în {{count}} transferuri. Detaliile sunt în Plăți.',
  paymentBulk_other: '{{amount}} în {{count}} de transferuri. Detaliile sunt în Plăți.',
} as const;
