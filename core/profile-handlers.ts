import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';

/** Settings' view of the profiles: their credentials (never a secret) and removing one the person saved. */
export function profileHandlers(core: AppCore): Pick<Handlers, 'profiles:credentials' | 'profiles:remove'> {
  return {
    'profiles:credentials': async ({ profileId }) => core.profileCredentials(profileId),
    'profiles:remove': async ({ profileId }) => {
      await core.removeProfile(profileId);
      return { removed: true as const };
    },
  };
}
