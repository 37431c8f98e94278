import { describe, expectTypeOf, it } from 'vitest';
import type { AccountsView, Bridge, ProfileView, Settings } from '../../../common/contract.js';
import type { Connection, UiErrorState } from '../../../common/domain.js';
import type { TransactionsView } from '../../../common/queries.js';
import type { Result } from '../../../common/result.js';
import { createFakeBridge } from './fake-bridge.js';

/**
 * These assertions are checked by `tsc -p renderer/tsconfig.json`: a wrong channel or payload
 * must not compile. At run time the fake bridge just answers UNKNOWN_METHOD.
 */
const bridge: Bridge = createFakeBridge().bridge;

describe('Bridge.invoke types', () => {
  it('refuses a method the contract does not name', () => {
    // @ts-expect-error — no such method
    void bridge.invoke('connections:nope', {});
    // @ts-expect-error — channels are exact, not prefixes
    void bridge.invoke('connections', {});
  });

  it('refuses an input of the wrong shape', () => {
    // @ts-expect-error — connectionId is a string
    void bridge.invoke('connections:revoke', { connectionId: 1 });
    // @ts-expect-error — connectionId is required
    void bridge.invoke('connections:revoke', {});
    // @ts-expect-error — label is required by connect
    void bridge.invoke('connections:connect', { profileId: 'sandbox' });
    // @ts-expect-error — only the two modes exist
    void bridge.invoke('settings:set', { authorizationMode: 'popup' });
    // @ts-expect-error — the live read is gone: the renderer reads the store
    void bridge.invoke('transactions:list', { connectionId: 'c1', accountId: 'a1' });
    // @ts-expect-error — an amount is exact decimal text, never a number
    void bridge.invoke('transactions:query', { amountMin: 12.5 });
  });

  it('accepts correct calls, optional fields left out', () => {
    expectTypeOf(bridge.invoke('connections:revoke', { connectionId: 'c1' })).toEqualTypeOf<Promise<Result<Connection>>>();
    expectTypeOf(bridge.invoke('transactions:query', {})).toEqualTypeOf<Promise<Result<TransactionsView>>>();
    expectTypeOf(bridge.invoke('transactions:query', { accountIds: ['a1'], text: 'kauf', sort: 'amount', order: 'asc' })).toEqualTypeOf<Promise<Result<TransactionsView>>>();
    expectTypeOf(bridge.invoke('settings:set', { authorizationMode: 'system-browser' })).toEqualTypeOf<Promise<Result<Settings>>>();
  });

  it('types each result by its method', () => {
    expectTypeOf(bridge.invoke('profiles:list', {})).resolves.toEqualTypeOf<Result<ProfileView[]>>();
    expectTypeOf(bridge.invoke('connections:list', {})).resolves.toEqualTypeOf<Result<Connection[]>>();
    expectTypeOf(bridge.invoke('accounts:list', {})).resolves.toEqualTypeOf<Result<AccountsView>>();
    expectTypeOf(bridge.invoke('connections:remove', { connectionId: 'c1' })).resolves.toEqualTypeOf<Result<{ removed: true }>>();
    expectTypeOf(bridge.invoke('connections:cancel-authorization', {})).resolves.toEqualTypeOf<Result<{ cancelled: boolean }>>();
    expectTypeOf(bridge.invoke('accounts:list', {})).resolves.not.toEqualTypeOf<Result<Connection[]>>();
  });

  it('narrows a result to its value or its error', async () => {
    const result = await bridge.invoke('accounts:list', {});
    if (result.ok) expectTypeOf(result.value.failures[0]!.state).toEqualTypeOf<UiErrorState>();
    else {
      expectTypeOf(result.error.retryable).toEqualTypeOf<boolean>();
      expectTypeOf(result.error.state).toEqualTypeOf<UiErrorState>();
    }
  });
});

describe('Bridge.on types', () => {
  it('types each event payload and refuses unknown events', () => {
    bridge.on('connections:changed', (list) => expectTypeOf(list).toEqualTypeOf<Connection[]>());
    bridge.on('authorization:open', (payload) => expectTypeOf(payload).toEqualTypeOf<{ url: string }>());
    bridge.on('authorization:settled', ({ outcome }) => expectTypeOf(outcome).toEqualTypeOf<'connected' | 'cancelled' | 'failed'>());
    // @ts-expect-error — no such event
    bridge.on('connections:nope', () => undefined);
    // @ts-expect-error — the payload of authorization:open is not a list
    bridge.on('authorization:open', (list: Connection[]) => list);
    expectTypeOf(bridge.on('connections:changed', () => undefined)).toEqualTypeOf<() => void>();
  });
});
