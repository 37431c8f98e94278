import type { Translation } from '../../translation.js';
import type { welcome as ro } from '../ro/welcome.js';

export const welcome: Translation<typeof ro> = {
  heading: 'Welcome to Conturi',
  intro: 'All your bank accounts in one place, read straight from the bank through PSD2. Your data stays on this computer.',
  demoHeading: 'Try the demo bank',
  demoText: 'A test bank with made-up data, on this computer. You sign in on its pages, as with a real bank.',
  demoButton: 'Try the demo bank',
  demoLabel: 'Demo bank',
  cecHeading: 'Connect CEC Bank',
  cecText: 'You sign in on CEC Bank’s page and choose the accounts the app may read.',
  cecWizardText: 'The app first needs your registration at CEC Bank (client and certificate).',
  cecButton: 'Connect CEC Bank',
};
