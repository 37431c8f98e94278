import { useTranslation } from 'react-i18next';
import type { TextContext } from './texts.js';
import { localeFor } from './language.js';
import { NAMESPACES, type Language } from './resources.js';

/** The system's languages, in order of preference; none outside a browser. */
export const systemLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages);

/** The `Intl` locale of the language shown. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeFor(i18n.language as Language, systemLanguages());
}

/** What the composite texts of `texts.ts` need, for the language shown now. */
export function useText(): TextContext {
  const { t } = useTranslation(NAMESPACES);
  return { t, locale: useLocale() };
}
