import type { Settings } from '../../../common/contract.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface SettingsSlice {
  settings: Settings | null;
  loadSettings(): Promise<void>;
  setAuthorizationMode(mode: Settings['authorizationMode']): Promise<boolean>;
  /** Hours between automatic syncs, 0 = off; the engine's next run moves with it. */
  setAutoSyncHours(hours: number): Promise<boolean>;
  /** Language or theme: the shell applies the answer at once (ui/shell/preferences.ts). */
  setPreference(change: Partial<Pick<Settings, 'language' | 'theme'>>): Promise<boolean>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ bridge }) => (set, get) => ({
  settings: null,
  async loadSettings() {
    const result = await tracked(set, 'settings', () => bridge.invoke('settings:get', {}));
    if (result.ok) set({ settings: result.value });
  },
  async setAuthorizationMode(authorizationMode) {
    const result = await tracked(set, 'settings', () => bridge.invoke('settings:set', { authorizationMode }));
    if (result.ok) set({ settings: result.value });
    return result.ok;
  },
  async setPreference(change) {
    // Shown at once, before the host answers: a language or theme the person clicked must not lag.
    const before = get().settings;
    if (before !== null) set({ settings: { ...before, ...change } });
    const result = await tracked(set, 'settings', () => bridge.invoke('settings:set', change));
    set({ settings: result.ok ? result.value : before });
    return result.ok;
  },
  async setAutoSyncHours(autoSyncHours) {
    const result = await tracked(set, 'settings', () => bridge.invoke('settings:set', { autoSyncHours }));
    if (!result.ok) return false;
    set({ settings: result.value });
    await get().loadSyncStatus();
    return true;
  },
});
