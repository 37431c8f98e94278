import type { Settings } from '../../../common/contract.js';
import type { Language } from './resources.js';

/**
 * The language to show for the person's choice. `system` means Romanian on a Romanian system
 * (the first of the system's languages decides) and English everywhere else.
 */
export function resolveLanguage(choice: Settings['language'] | undefined, systemLanguages: readonly string[]): Language {
  if (choice === 'ro' || choice === 'en') return choice;
  const first = systemLanguages[0]?.toLowerCase() ?? 'ro';
  return first === 'ro' || first.startsWith('ro-') ? 'ro' : 'en';
}

/**
 * The BCP 47 locale `Intl` formats with: `ro-RO` for Romanian ("1.234,56"); for English the
 * system's own English variant when it has one (a person in Dublin reads dates as en-IE does),
 * else British English, whose day-month order is the closer to Romanian habits.
 */
export function localeFor(language: Language, systemLanguages: readonly string[]): string {
  if (language === 'ro') return 'ro-RO';
  const english = systemLanguages.find((l) => /^en-[A-Za-z]{2}$/.test(l));
  return english ?? 'en-GB';
}
