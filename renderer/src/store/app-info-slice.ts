import type { AppInfo } from '../../../common/contract.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface AppInfoSlice {
  /** Whether anything is kept, and whether the local copy opens; null until read. */
  appInfo: AppInfo | null;
  loadAppInfo(): Promise<AppInfo | null>;
  /** The person's "start fresh" on a local copy that cannot be opened; reloads everything after. */
  startFresh(): Promise<boolean>;
}

export const createAppInfoSlice: SliceCreator<AppInfoSlice> = ({ bridge }) => (set, get) => ({
  appInfo: null,
  async loadAppInfo() {
    const result = await tracked(set, 'store', () => bridge.invoke('app:info', {}));
    if (!result.ok) return null;
    set({ appInfo: result.value });
    return result.value;
  },
  async startFresh() {
    const result = await tracked(set, 'store', () => bridge.invoke('store:reset', {}));
    if (!result.ok) return false;
    set({ appInfo: result.value });
    await get().initialize();
    return true;
  },
});
