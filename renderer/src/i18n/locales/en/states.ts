import type { Translation } from '../../translation.js';
import type { states as ro } from '../ro/states.js';

export const states: Translation<typeof ro> = {
  reconnect: 'Reconnect',
  openSettings: 'Check the profile in Settings',
  cachedAge: 'Showing the saved data, synced {{age}}.',
  cachedNever: 'No saved data yet.',
  detail: 'Details: {{detail}}',
};
