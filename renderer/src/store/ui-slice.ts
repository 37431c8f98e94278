import type { AppError, Result } from '../../../common/result.js';
import type { AppState, SliceCreator } from './types.js';

/** Running operations, so the UI can disable what would collide and show progress. */
export type BusyKey =
  | 'profiles'
  | 'connections'
  | 'accounts'
  | 'settings'
  | 'sync' // the person's Sync, until its run ends
  | 'sync-status'
  | 'store' // the local store: app:info, store:reset
  | 'authorize' // connect or renew: the bank's page is open
  | 'totals'
  | 'recent'
  | 'categories' // categories:list/create/rename/delete
  | 'category-rules'
  | 'category-defaults'
  | 'insights'
  | 'enrolment' // the production wizard's calls
  | `profile:${string}`
  | `transaction:${string}`
  | 'payments'
  | 'beneficiaries'
  | 'funds'
  | 'bulk-preview'
  | `payment:${string}`
  | `connection:${string}`
  | `transactions:${string}`;

export interface UiSlice {
  busy: Partial<Record<BusyKey, true>>;
  /** The last failure worth telling the person about; cleared when they dismiss it. */
  lastError: AppError | null;
  dismissError(): void;
  reportError(error: AppError): void;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set) => ({
  busy: {},
  lastError: null,
  dismissError: () => set({ lastError: null }),
  reportError: (error) => set({ lastError: error }),
});

type Set = (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;

/**
 * Runs one bridge call under a busy flag and, unless `quiet`, makes its failure the last
 * error. The call starts synchronously, so a caller's gesture (popup) is still current.
 */
export async function tracked<T>(set: Set, key: BusyKey, call: () => Promise<Result<T>>, { quiet = false } = {}): Promise<Result<T>> {
  set((s) => ({ busy: { ...s.busy, [key]: true } }));
  let result: Result<T>;
  try {
    result = await call();
  } catch (error) {
    // The bridge promises Results; a throw is a bug on our side, still shown rather than lost.
    result = { ok: false, error: { code: 'BUG', state: 'failed', message: error instanceof Error ? error.message : String(error), retryable: false } };
  }
  set((s) => {
    const busy = { ...s.busy };
    delete busy[key];
    return result.ok || quiet ? { busy } : { busy, lastError: result.error };
  });
  return result;
}
