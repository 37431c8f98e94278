import { randomUUID } from 'node:crypto';
import { parseUserAmount } from '../../core/money/money.js';
import { SANDBOX_PROFILE } from '../../core/profiles/profile-settings.js';
import { UsageError, parseCommand } from '../args.js';
import { CommandFailed } from '../output.js';
import { exitCodeOf, PaymentProgress } from '../payment-progress.js';
import type { Command } from './command.js';

export const payCommand: Command = {
  name: 'pay',
  usage: `pay [--profile ID] --to IBAN --name NAME --amount 12.50 --currency RON --details TEXT
      [--from IBAN] [--key KEY] [--auto-psu USER]
                                pay once: prints "payment <id>", then "status <CODE>" per step until
                                final; exit 0 on ACSC/ACCC. The same --key again continues that
                                payment (never a second one); without --from the bank asks on its page`,
  async run({ line, io, open }) {
    const { values, global } = parseCommand(line, {
      profile: { type: 'string' }, to: { type: 'string' }, name: { type: 'string' }, amount: { type: 'string' },
      currency: { type: 'string' }, details: { type: 'string' }, from: { type: 'string' }, key: { type: 'string' }, 'auto-psu': { type: 'string' },
    }, 0);
    for (const required of ['to', 'name', 'amount', 'currency'] as const) {
      if (values[required] === undefined) throw new UsageError(`pay needs --${required}`);
    }
    const currency = (values.currency as string).toUpperCase();
    let amount: string;
    try {
      amount = parseUserAmount(values.amount as string, currency).amount;
    } catch (error) {
      throw new UsageError(`--amount: ${(error as Error).message}`);
    }
    const runtime = await open({ global, autoPsu: values['auto-psu'] });
    const made = await runtime.invoke('payments:create', {
      idempotencyKey: values.key ?? randomUUID(),
      profileId: values.profile ?? SANDBOX_PROFILE.id,
      ...(values.from === undefined ? {} : { debtorIban: values.from }),
      currency,
      creditorIban: values.to as string,
      creditorName: values.name as string,
      amount,
      remittance: values.details ?? '',
    });
    if (!made.ok) throw new CommandFailed(made.error);
    io.out(`payment ${made.value.id}\n`);
    const progress = new PaymentProgress(runtime, io, made.value.id);
    const submitted = await progress.during(runtime.invoke('payments:submit', { paymentId: made.value.id }));
    // The steps written so far are printed before any failure, so the person sees where it stopped.
    const view = await progress.untilFinal();
    if (!submitted.ok) throw new CommandFailed(submitted.error);
    return exitCodeOf(view);
  },
};
