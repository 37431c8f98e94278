/** The Insights screen. */
export const insights = {
  heading: 'Analize',
  empty: 'Nicio tranzacție înregistrată în această perioadă.',
  nothingYet: 'Încă nu sunt tranzacții de analizat. Conectați o bancă și sincronizați, apoi alegeți o perioadă.',
  showTable: 'Arată cifrele ca tabel',
  spending: 'Cheltuieli',
  transactions: 'Tranzacții',
  period: {
    label: 'Perioada analizei',
    accounts: 'Conturi',
    allAccounts: 'Toate conturile',
    from: 'De la',
    to: 'Până la',
    presets: 'Perioade obișnuite',
    currency: 'Moneda',
    preset: {
      month: 'Luna aceasta',
      quarter: 'Ultimele 3 luni',
      year: 'Ultimele 12 luni',
      calendarYear: 'Anul acesta',
    },
  },
  monthly: {
    title: 'Încasări și cheltuieli pe luni',
    description: 'Sumele înregistrate în {{currency}}, lună de lună. O bară deschide tranzacțiile ei.',
    month: 'Luna',
    income: 'Încasări',
    spending: 'Cheltuieli',
    net: 'Sold net',
  },
  byCategory: {
    title: 'Cheltuieli pe categorii',
    description: 'Ce s-a cheltuit în {{currency}} în perioada aleasă, pe categorii, de la cea mai mare. O bară deschide tranzacțiile categoriei.',
    name: 'Categorie',
  },
  byCounterparty: {
    title: 'Cheltuieli pe beneficiari',
    description: 'Cei mai mari beneficiari ai plăților în {{currency}} din perioada aleasă. O bară deschide tranzacțiile către ei.',
    name: 'Beneficiar',
  },
} as const;
