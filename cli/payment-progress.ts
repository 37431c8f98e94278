import { isFinalPayment, statusCodeOf, type PaymentReason, type PaymentState, type PaymentView } from '../common/index.js';
import type { Io } from './output.js';
import { CommandFailed } from './output.js';
import type { CliRuntime } from './runtime.js';

/** What a transition prints: the bank's code, or the state's name for the states that have none. */
export const statusWord = (s: PaymentState): string | undefined => {
  const code = statusCodeOf(s);
  if (code !== null) return code;
  return s.kind === 'failed' || s.kind === 'unknown' ? s.kind.toUpperCase() : undefined;
};

/** A reason as the terminal prints it: its code, the bank's own code, then the technical detail ("bank-reason AM04", "initiation-unanswered (fetch failed)"). */
export const reasonWords = (r: PaymentReason): string =>
  `${r.code}${r.code === 'bank-reason' ? ` ${r.bankCode}` : ''}${r.detail === undefined ? '' : ` (${r.detail})`}`;

/** Exit 0 only for money that left the payer's account for good: ACSC or ACCC (a bulk: every item). */
export const exitCodeOf = (view: PaymentView): number => (view.state.kind === 'settled' ? 0 : 1);

/**
 * Prints one `status <CODE>` line per transition of an intent, read from its timeline in the
 * store, so a step made while the command waited on the bank's page is printed too, once.
 */
export class PaymentProgress {
  private count = 0;
  private last = '';
  private busy: Promise<PaymentView> | undefined;

  constructor(private readonly runtime: CliRuntime, private readonly io: Io, private readonly id: string) {}

  /** Prints the transitions not printed yet; returns the intent as it is now. */
  printNew(): Promise<PaymentView> {
    this.busy ??= this.read().finally(() => (this.busy = undefined));
    return this.busy;
  }

  /** Prints steps while `work` runs (the bank's page is open meanwhile), then its outcome. */
  async during<T>(work: Promise<T>): Promise<T> {
    const ticker = setInterval(() => void this.printNew().catch(() => undefined), 200);
    try {
      return await work;
    } finally {
      clearInterval(ticker);
    }
  }

  /**
   * Prints until the intent is final, or stops moving: an `unknown` outcome waits for evidence
   * (the payer's booked transactions), so this run ends and `payments --follow` asks again.
   */
  async untilFinal(poll = 200): Promise<PaymentView> {
    for (;;) {
      const view = await this.printNew();
      const following = this.runtime.core()?.paymentFollower.following().includes(this.id) === true;
      if (isFinalPayment(view.state) || view.state.kind === 'unknown' || !following) return view;
      await new Promise((resolve) => setTimeout(resolve, poll));
    }
  }

  private async read(): Promise<PaymentView> {
    const got = await this.runtime.invoke('payments:get', { paymentId: this.id });
    if (!got.ok) throw new CommandFailed(got.error);
    const view = got.value;
    for (const t of (view.timeline ?? []).slice(this.count)) {
      const word = statusWord(t.state);
      if (word === undefined) continue;
      const line = `status ${word}${t.state.kind === 'failed' || t.state.kind === 'unknown' ? `: ${reasonWords(t.state.reason)}` : ''}`;
      if (line !== this.last) this.io.out(`${line}\n`);
      this.last = line;
    }
    this.count = view.timeline?.length ?? this.count;
    return view;
  }
}
