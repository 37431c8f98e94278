import type { EnrolmentResult, MethodInput, ProfileCredentials, ProfileView } from '../../../common/contract.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface ProfileAdminSlice {
  /** Each production profile's credentials as Settings shows them (never a secret), by profile id. */
  profileCredentials: Record<string, ProfileCredentials>;
  loadProfileCredentials(profileId: string): Promise<void>;
  /** A production profile the person saved, with its keychain secrets; the list is read again. */
  removeProfile(profileId: string): Promise<boolean>;
  saveProductionProfile(input: MethodInput<'profiles:save-production'>): Promise<ProfileView | null>;
  /** Dynamic Users Register, first step: the bank mails an activation link to the address given. */
  registerDeveloper(input: MethodInput<'enrolment:register'>): Promise<string | null>;
  /** Dynamic Users Register, last step: the app and its one-time client secret, saved as a profile. */
  createEnrolledApp(input: MethodInput<'enrolment:create-app'>): Promise<EnrolmentResult | null>;
}

export const createProfileAdminSlice: SliceCreator<ProfileAdminSlice> = ({ bridge }) => (set, get) => ({
  profileCredentials: {},
  async loadProfileCredentials(profileId) {
    // Quiet: a profile whose certificate cannot be read says so in its own row, not in the banner.
    const result = await tracked(set, `profile:${profileId}`, () => bridge.invoke('profiles:credentials', { profileId }), { quiet: true });
    if (result.ok) set((s) => ({ profileCredentials: { ...s.profileCredentials, [profileId]: result.value } }));
  },
  async removeProfile(profileId) {
    const result = await tracked(set, `profile:${profileId}`, () => bridge.invoke('profiles:remove', { profileId }));
    if (!result.ok) return false;
    set((s) => {
      const rest = { ...s.profileCredentials };
      delete rest[profileId];
      return { profileCredentials: rest };
    });
    await get().loadProfiles();
    return true;
  },
  async saveProductionProfile(input) {
    const result = await tracked(set, 'enrolment', () => bridge.invoke('profiles:save-production', input));
    if (!result.ok) return null;
    await get().loadProfiles();
    return result.value;
  },
  async registerDeveloper(input) {
    const result = await tracked(set, 'enrolment', () => bridge.invoke('enrolment:register', input));
    return result.ok ? result.value.activationMailSentTo : null;
  },
  async createEnrolledApp(input) {
    const result = await tracked(set, 'enrolment', () => bridge.invoke('enrolment:create-app', input));
    if (!result.ok) return null;
    await get().loadProfiles();
    return result.value;
  },
});
