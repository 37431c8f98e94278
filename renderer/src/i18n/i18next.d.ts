import 'i18next';
import type { resources } from './resources.js';

// Typed keys: `t('nav.overview')` is checked against the Romanian source at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['ro'];
  }
}
