import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources, type Language } from './resources.js';

/**
 * One i18next instance per window (and per test), never the library's global one. Resources are
 * bundled, so `init` is synchronous and the first paint already has its texts.
 */
export function createI18n(language: Language): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
