import { useApp, useAppList } from '../../ui/store-context.js';
import { payableAccounts } from './payment-form-model.js';

/** The accounts a payment can leave from, and the profile (bank) a payment from one of them goes through. */
export function usePayer() {
  const accounts = useAppList((s) => payableAccounts(s.accounts));
  const connections = useAppList((s) => s.connections);
  const profiles = useAppList((s) => s.profiles);
  const fallback = useApp((s) => s.connections.find((c) => c.status === 'active')?.profileId ?? s.profiles[0]?.id ?? null);
  const profileOf = (accountId: string): string | null => {
    const account = accounts.find((a) => a.id === accountId);
    const connection = account === undefined ? undefined : connections.find((c) => c.id === account.connectionId);
    return connection?.profileId ?? fallback ?? profiles[0]?.id ?? null;
  };
  return { accounts, profileOf };
}

/** Once per form: the intent's idempotency key, so a double click or a repeated submit pays once. */
export const newIdempotencyKey = (): string => `form-${crypto.randomUUID()}`;
