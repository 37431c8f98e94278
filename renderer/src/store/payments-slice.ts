import type { MethodInput } from '../../../common/contract.js';
import type { Beneficiary } from '../../../common/contract-beneficiaries.js';
import type { BulkPreview } from '../../../common/contract-bulk-preview.js';
import type { FundsAdvice } from '../../../common/contract-funds.js';
import type { PaymentView } from '../../../common/payments.js';
import type { AppError, Result } from '../../../common/result.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface PaymentsSlice {
  /** Every intent, newest first, as `payments:list` and then `payments:changed` said. */
  payments: PaymentView[];
  paymentsLoaded: boolean;
  beneficiaries: Beneficiary[];
  loadPayments(): Promise<void>;
  loadBeneficiaries(): Promise<void>;
  /** One intent's newer view (from `payments:changed` or an answer): replaces the older one, keeps a timeline already read. */
  applyPayment(view: PaymentView): void;
  getPayment(paymentId: string): Promise<Result<PaymentView>>;
  /**
   * Writes the intent (the form's key: the same key twice is one intent) and opens the bank's
   * page. Call it straight from the click: the popup opens before any await. Answers the intent
   * as soon as it exists; the PSU's decision arrives through `payments:changed`.
   */
  pay(create: PaymentCreate): Promise<Result<PaymentView>>;
  cancelPayment(paymentId: string): Promise<Result<PaymentView>>;
  retryPayment(paymentId: string): Promise<Result<PaymentView>>;
  reconcilePayment(paymentId: string): Promise<Result<PaymentView>>;
  checkFunds(input: MethodInput<'payments:check-funds'>): Promise<Result<FundsAdvice>>;
  previewBulk(csv: string, currency?: string): Promise<Result<BulkPreview>>;
  deleteBeneficiary(id: string): Promise<boolean>;
}

export type PaymentCreate =
  | ({ kind: 'single' } & MethodInput<'payments:create'>)
  | ({ kind: 'bulk' } & MethodInput<'payments:create-bulk'>);

const POPUP_BLOCKED: AppError = { code: 'POPUP_BLOCKED', state: 'popup-blocked', message: 'the browser blocked the bank’s window', retryable: false };

const upsert = (list: PaymentView[], view: PaymentView): PaymentView[] => {
  const old = list.find((p) => p.id === view.id);
  const merged = old?.timeline !== undefined && view.timeline === undefined ? { ...view, timeline: old.timeline } : view;
  const rest = list.filter((p) => p.id !== view.id);
  return [merged, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

export const createPaymentsSlice: SliceCreator<PaymentsSlice> = ({ bridge, authPopup }) => (set, get) => {
  const keep = (result: Result<PaymentView>) => {
    if (result.ok) get().applyPayment(result.value);
    return result;
  };

  /** The bank's page for an intent: the popup first (within the click), then create and submit. */
  const authorize = (start: () => Promise<Result<PaymentView>>, submit: (id: string) => Promise<Result<PaymentView>>): Promise<Result<PaymentView>> => {
    const wantsPopup = get().settings?.authorizationMode !== 'system-browser';
    const popup = wantsPopup ? authPopup?.begin(() => void get().cancelAuthorization()) : undefined;
    if (popup === null) return Promise.resolve({ ok: false, error: POPUP_BLOCKED });
    return start().then((created) => {
      if (!created.ok) {
        popup?.end();
        return created;
      }
      keep(created);
      // The submit answers once the PSU decided; the screen follows the intent meanwhile.
      void tracked(set, 'authorize', () => submit(created.value.id)).then((submitted) => {
        popup?.end();
        keep(submitted);
        if (submitted.ok) void get().loadBeneficiaries();
      });
      return created;
    });
  };

  return {
    payments: [],
    paymentsLoaded: false,
    beneficiaries: [],

    async loadPayments() {
      const result = await tracked(set, 'payments', () => bridge.invoke('payments:list', {}));
      if (result.ok) set({ payments: result.value, paymentsLoaded: true });
    },
    async loadBeneficiaries() {
      const result = await tracked(set, 'beneficiaries', () => bridge.invoke('beneficiaries:list', {}));
      if (result.ok) set({ beneficiaries: result.value });
    },
    applyPayment(view) {
      set((s) => ({ payments: upsert(s.payments, view) }));
    },
    getPayment: (paymentId) => tracked(set, `payment:${paymentId}`, () => bridge.invoke('payments:get', { paymentId }), { quiet: true }).then(keep),
    pay(create) {
      const start = () => {
        if (create.kind === 'single') {
          const { kind: _single, ...input } = create;
          return bridge.invoke('payments:create', input);
        }
        const { kind: _bulk, ...input } = create;
        return bridge.invoke('payments:create-bulk', input);
      };
      return authorize(start, (paymentId) => bridge.invoke('payments:submit', { paymentId }));
    },
    cancelPayment: (paymentId) => tracked(set, `payment:${paymentId}`, () => bridge.invoke('payments:cancel', { paymentId }), { quiet: true }).then(keep),
    retryPayment(paymentId) {
      return authorize(() => bridge.invoke('payments:get', { paymentId }), (id) => bridge.invoke('payments:retry', { paymentId: id }));
    },
    reconcilePayment: (paymentId) => tracked(set, `payment:${paymentId}`, () => bridge.invoke('payments:reconcile', { paymentId }), { quiet: true }).then(keep),
    checkFunds: (input) => tracked(set, 'funds', () => bridge.invoke('payments:check-funds', input), { quiet: true }),
    previewBulk: (csv, currency) => tracked(set, 'bulk-preview', () => bridge.invoke('payments:preview-bulk', currency === undefined ? { csv } : { csv, currency }), { quiet: true }),
    async deleteBeneficiary(id) {
      const result = await tracked(set, 'beneficiaries', () => bridge.invoke('beneficiaries:delete', { id }));
      if (result.ok) set((s) => ({ beneficiaries: s.beneficiaries.filter((b) => b.id !== id) }));
      return result.ok;
    },
  };
};
