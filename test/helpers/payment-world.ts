import { randomUUID } from 'node:crypto';
import { dispatch, type EventName, type Handlers, type PaymentView, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import { toAppError } from '../../core/errors.js';
import type { PsuChoices } from '../../sandbox/demo-psu.js';
import { coreWorld, psuPort, type CoreWorldForTest } from './core-world.js';
import { call } from './http.js';
import type { SandboxOptions } from '../../sandbox/index.js';

/** A beneficiary outside CEC (the guide's own example IBAN): only the payer's account is debited. */
export const CREDITOR = { creditorName: 'Creditor Name', creditorIban: 'DE02100100109307118603' };

/** A payment as the bank's books hold it (`GET /sandbox/payments`, docs/sandbox-control.md). */
export interface BankPayment {
  paymentId: string;
  bulkId?: string;
  status: string;
  debtorIban?: string;
  amount: string;
  endToEndIdentification?: string;
  authorised: boolean;
  bookedTransactionId?: string;
}

export interface PaymentWorld extends CoreWorldForTest {
  /** The world under the handlers: restart it, then build new handlers over it with `paymentWorld({}, base)`. */
  base: CoreWorldForTest;
  handlers: Handlers;
  /** What the bank's page does next: the PSU's choices, or a port of the test's own. */
  psu: { port: AuthorizationPort };
  pages: number;
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls a method that must succeed and returns its value. */
  ok<T = PaymentView>(method: string, input: unknown): Promise<T>;
  events: { name: EventName; payload: unknown }[];
  /** The bank's own books: every payment carrying one of our references. */
  atBank(endToEndId: string): Promise<BankPayment[]>;
  /** Arms the sandbox to commit the next `count` initiations and lose their answers. */
  dropNextAnswers(count: number): Promise<void>;
  /** Waits until the intent reaches a state of `kinds`. */
  until(id: string, kinds: string[], timeoutMs?: number): Promise<PaymentView>;
}

export const choose = (choices: PsuChoices): { port: AuthorizationPort } => ({ port: psuPort(choices) });

/** The sandbox bank over HTTP, an encrypted store, the OS keychain, and the contract's handlers over them. */
export async function paymentWorld(sandbox: SandboxOptions = {}, base?: CoreWorldForTest): Promise<PaymentWorld> {
  const world = base ?? (await coreWorld({ sandbox: { settleMs: 900, ...sandbox } }));
  const events: PaymentWorld['events'] = [];
  const psu = { port: psuPort({ decision: 'allow' }) };
  const self = {} as PaymentWorld;
  let pages = 0;
  const handlers = createHandlers(world.core, {
    authorizationPort: () => ({
      open: (url, session) => {
        pages += 1;
        self.pages = pages;
        return psu.port.open(url, session);
      },
    }),
    psuIpAddress: '192.0.2.10',
    emit: (name, payload) => void events.push({ name, payload }),
  });
  const invoke = (method: string, input: unknown) => dispatch(handlers, method, input, toAppError);
  Object.assign(self, world, {
    base: world,
    handlers,
    psu,
    pages: 0,
    events,
    invoke,
    async ok<T>(method: string, input: unknown): Promise<T> {
      const result = await invoke(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async atBank(endToEndId: string) {
      const res = await call<{ payments: BankPayment[] }>(`${world.bankOrigin}/sandbox/payments?endToEndId=${encodeURIComponent(endToEndId)}`);
      if (res.status !== 200) throw new Error(`GET /sandbox/payments: ${res.status} ${res.text}`);
      return res.body.payments;
    },
    async dropNextAnswers(count: number) {
      const res = await call(`${world.bankOrigin}/sandbox/faults/drop-after-commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count }) });
      if (res.status !== 200) throw new Error(`arming the drop: ${res.status} ${res.text}`);
    },
    async until(id: string, kinds: string[], timeoutMs = 40_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const view = await self.ok<PaymentView>('payments:get', { paymentId: id });
        if (kinds.includes(view.state.kind)) return view;
        if (Date.now() > end) throw new Error(`payment ${id} is ${JSON.stringify(view.state)}, not ${kinds.join('|')}, after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  });
  Object.defineProperty(self, 'core', { get: () => world.core });
  return self;
}

/** A single payment's input with a fresh idempotency key. */
export const single = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  profileId: 'sandbox',
  currency: 'RON',
  amount: '12.50',
  remittance: 'Factura 42',
  ...CREDITOR,
  ...over,
});
