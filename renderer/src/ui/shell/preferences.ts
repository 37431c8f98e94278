import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../common/contract.js';
import { resolveLanguage } from '../../i18n/language.js';
import { systemLanguages } from '../../i18n/use-text.js';
import { useApp } from '../store-context.js';

const DARK = '(prefers-color-scheme: dark)';

/** The theme to paint for the person's choice; `system` reads the system's preference now. */
export function resolveTheme(choice: Settings['theme'] | undefined, prefersDark: boolean): 'light' | 'dark' {
  if (choice === 'light' || choice === 'dark') return choice;
  return prefersDark ? 'dark' : 'light';
}

/**
 * Keeps the page in the person's language and theme: `<html lang>` for screen readers and
 * hyphenation, `data-theme` for the stylesheet. A `system` theme follows the system as it changes.
 */
export function useApplyPreferences(): void {
  const { i18n } = useTranslation();
  const language = useApp((s) => s.settings?.language);
  const theme = useApp((s) => s.settings?.theme);

  useEffect(() => {
    const lng = resolveLanguage(language, systemLanguages());
    if (i18n.language !== lng) void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  }, [i18n, language]);

  useEffect(() => {
    const media = window.matchMedia(DARK);
    const paint = () => { document.documentElement.dataset['theme'] = resolveTheme(theme, media.matches); };
    paint();
    media.addEventListener('change', paint);
    return () => media.removeEventListener('change', paint);
  }, [theme]);
}
