import { composeIban, romanianIban } from './cec-iban.js';

/**
 * Parties of account-to-account transfers: utilities, landlords, tax offices, employers, people.
 * Companies and institutions are the real names Romanians pay; every account number is invented
 * (but a valid IBAN), and employers and people are fictional.
 */
export interface Payee {
  name: string;
  iban: string;
}

const ro = (name: string, bank: string, account16: string): Payee => ({ name, iban: romanianIban(bank, account16) });

export const utilities = {
  enel: ro('Enel Energie', 'BRDE', '445SV12345674450'),
  engie: ro('Engie Romania', 'RNCB', '0082004617470001'),
  digi: ro('Digi RCS&RDS', 'INGB', '0001000101254911'),
  orange: ro('Orange Romania', 'BACX', '0000000030017910'),
  apaNova: ro('Apa Nova Bucuresti', 'RZBR', '0000060007133571'),
  electrica: ro('Electrica Furnizare', 'BTRL', '01301202N99283XX'),
  apaSomes: ro('Compania de Apa Somes', 'BTRL', '01301202K07456XX'),
} as const;

export const housing = {
  associationSector3: ro('Asociatia de proprietari bl. M12 sc. 2 Sector 3', 'CECE', 'B34500RON0417223'),
  landlordCluj: ro('Gheorghe Pop', 'BTRL', '01301201P55103XX'),
} as const;

export const taxOffices = {
  ditlSector3: ro('Directia de Impozite si Taxe Locale Sector 3', 'TREZ', '70321070220XXXXX'),
  anafCluj: ro('ANAF - Trezoreria Cluj-Napoca', 'TREZ', '2165503XXXXXXXXX'),
  ditlCluj: ro('Directia Impozite si Taxe Locale Cluj-Napoca', 'TREZ', '21621070220XXXXX'),
} as const;

export const employers = {
  deltaSoft: ro('DELTA SOFT SOLUTIONS SRL', 'BTRL', '04201202F84731XX'),
  napocaData: ro('NAPOCA DATA SERVICES SRL', 'INGB', '0001008193721944'),
} as const;

/** Friends and family at other Romanian banks, for transfers out and in. */
export const people: readonly Payee[] = [
  ro('Andrei Georgescu', 'BTRL', '04301201A12345XX'),
  ro('Elena Dumitru', 'RNCB', '0090123456780001'),
  ro('Mihai Stan', 'INGB', '0000999904567812'),
  ro('Ioana Marin', 'BRDE', '410SV98765434100'),
  ro('Cristina Lungu', 'RZBR', '0000060012345678'),
  ro('Vlad Constantinescu', 'CECE', 'IS0305RON0123456'),
  ro('Ana Radu', 'BACX', '0000001234567890'),
];

/** Why people send each other money, as they type it. */
export const personalReasons: readonly string[] = [
  'Cadou nunta', 'Bilete concert', 'Datorie', 'Impartit cina', 'Cadou ziua ta',
  'Pentru vacanta', 'Bani masa', 'Rambursare bilete tren', 'Contributie cadou colegi',
];

/** Senders of euro from abroad. */
export const abroad = {
  brotherGermany: { name: 'Andrei Popescu', iban: composeIban('DE', '500105170648489890') },
  clientAustria: { name: 'Lingua Bridge GmbH', iban: composeIban('AT', '1904300234573201') },
} as const;
