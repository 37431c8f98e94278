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
} as const;
