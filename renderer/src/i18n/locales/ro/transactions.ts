/** Transaction lists. */
export const transactions = {
  heading: 'Tranzacții',
  pick: 'Alegeți un cont pentru a vedea ultimele tranzacții.',
  loading: 'Se încarcă tranzacțiile…',
  empty: 'Nicio tranzacție salvată pentru acest cont.',
  pending: 'în așteptare',
} as const;
