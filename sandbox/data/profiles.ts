import { abroad, employers, housing, taxOffices, utilities, type Payee } from './payees.js';

/** A monthly payment by transfer (rent, utilities); `text` gets the month, e.g. "MARTIE 2025". */
export interface MonthlyBill {
  payee: Payee;
  dayOfMonth: number;
  baseMinor: number;
  /** Relative spread of the amount around its base (0.2 = ±20%). */
  spread: number;
  /** Heating bills triple in winter and shrink in summer. */
  heating?: boolean;
  text: (month: string) => string;
}

/** A tax paid in fixed months of every year; `text` gets the year. */
export interface YearlyTax {
  payee: Payee;
  months: readonly number[];
  dayOfMonth: number;
  amountMinor: number;
  text: (year: number) => string;
}

/** Who a demo PSU is: where they bank, what they earn and what they pay. */
export interface PsuProfile {
  userId: string;
  displayName: string;
  /** County code and branch of the IBANs, e.g. CJ + 0500. */
  county: string;
  branch: string;
  /** Printed after physical merchants and ATMs. */
  city: string;
  employer: Payee;
  salaryMinor: number;
  salaryDay: number;
  bills: readonly MonthlyBill[];
  taxes: readonly YearlyTax[];
  savingsMonthlyMinor: number;
  savingsOpeningMinor: number;
  /** Annual gross interest on savings in basis points; CEC capitalises it monthly. */
  savingsRateBp: number;
  /** Everyday debit-card spending, ATM visits and transfers to people per month on the RON account. */
  everydayPerMonth: number;
  euroIncome: { from: Payee; everyMonths: number; minMinor: number; maxMinor: number; text: string };
  /** Euro card purchases (travel, foreign shops) per month. */
  euroSpendPerMonth: number;
}

const ionPopescu: PsuProfile = {
  userId: 'demo',
  displayName: 'Ion Popescu',
  county: 'B1',
  branch: '0300',
  city: 'BUCURESTI',
  employer: employers.deltaSoft,
  salaryMinor: 785_000,
  salaryDay: 10,
  bills: [
    { payee: housing.associationSector3, dayOfMonth: 15, baseMinor: 32_000, spread: 0.15, heating: true,
      text: (m) => `Intretinere ${m} ap. 27` },
    { payee: utilities.enel, dayOfMonth: 20, baseMinor: 17_000, spread: 0.3, text: (m) => `Factura energie electrica ${m} cod client 2004471853` },
    { payee: utilities.engie, dayOfMonth: 22, baseMinor: 11_000, spread: 0.25, heating: true,
      text: (m) => `Factura gaze naturale ${m} cod client 4001772093` },
    { payee: utilities.digi, dayOfMonth: 18, baseMinor: 6_500, spread: 0, text: (m) => `Abonament internet si TV ${m}` },
    { payee: utilities.orange, dayOfMonth: 25, baseMinor: 5_500, spread: 0.1, text: (m) => `Factura Orange ${m} 0722456871` },
  ],
  taxes: [
    { payee: taxOffices.ditlSector3, months: [3, 9], dayOfMonth: 25, amountMinor: 21_350,
      text: (y) => `Impozit pe cladiri ${y} - Directia de Impozite si Taxe Locale Sector 3` },
  ],
  savingsMonthlyMinor: 100_000,
  savingsOpeningMinor: 1_850_000,
  savingsRateBp: 250,
  everydayPerMonth: 22,
  euroIncome: { from: abroad.brotherGermany, everyMonths: 2, minMinor: 15_000, maxMinor: 45_000, text: 'Ajutor familie' },
  euroSpendPerMonth: 0.8,
};

const mariaIonescu: PsuProfile = {
  userId: 'demo2',
  displayName: 'Maria Ionescu',
  county: 'CJ',
  branch: '0500',
  city: 'CLUJ-NAPOCA',
  employer: employers.napocaData,
  salaryMinor: 612_000,
  salaryDay: 14,
  bills: [
    { payee: housing.landlordCluj, dayOfMonth: 1, baseMinor: 230_000, spread: 0, text: (m) => `Chirie luna ${m} ap. 14` },
    { payee: utilities.electrica, dayOfMonth: 18, baseMinor: 12_000, spread: 0.3, text: (m) => `Factura energie ${m} loc consum 5001938` },
    { payee: utilities.engie, dayOfMonth: 21, baseMinor: 9_000, spread: 0.25, heating: true,
      text: (m) => `Factura gaze naturale ${m} cod client 4002219856` },
    { payee: utilities.apaSomes, dayOfMonth: 16, baseMinor: 6_000, spread: 0.2, text: (m) => `Apa canal ${m}` },
    { payee: utilities.digi, dayOfMonth: 12, baseMinor: 5_500, spread: 0, text: (m) => `Abonament Digi ${m}` },
    { payee: utilities.orange, dayOfMonth: 27, baseMinor: 4_500, spread: 0.1, text: (m) => `Factura Orange ${m} 0745118392` },
  ],
  taxes: [
    { payee: taxOffices.anafCluj, months: [5], dayOfMonth: 20, amountMinor: 410_000,
      text: (y) => `ANAF - Declaratia unica ${y - 1} impozit pe venit si CASS` },
    { payee: taxOffices.ditlCluj, months: [3], dayOfMonth: 28, amountMinor: 27_500,
      text: (y) => `Impozit auto ${y} CJ 07 MRI - Directia Impozite si Taxe Locale Cluj-Napoca` },
  ],
  savingsMonthlyMinor: 60_000,
  savingsOpeningMinor: 920_000,
  savingsRateBp: 300,
  everydayPerMonth: 14,
  euroIncome: { from: abroad.clientAustria, everyMonths: 1, minMinor: 45_000, maxMinor: 75_000, text: 'Invoice translation services' },
  euroSpendPerMonth: 1.5,
};

/** The bank's two demo logins, in the order the sandbox lists them. */
export const demoProfiles: readonly PsuProfile[] = [ionPopescu, mariaIonescu];
