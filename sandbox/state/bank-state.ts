import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BankSnapshot, PendingAuthorization } from './records.js';
import type { BankAccount, BankTransaction, Psu } from './types.js';

export interface AccountRef {
  psu: Psu;
  account: BankAccount;
}

/**
 * The bank's memory. Arrays in the snapshot are the truth (they persist as JSON); the maps are
 * indexes rebuilt on load. Routes mutate records and call `changed()` so `--data-dir` saves once
 * per request rather than on every field.
 */
export class BankState {
  readonly pending = new Map<string, PendingAuthorization>();
  private readonly byResourceId = new Map<string, AccountRef>();
  private readonly byIban = new Map<string, AccountRef>();
  private dirty = false;

  constructor(
    readonly data: BankSnapshot,
    private readonly file?: string,
  ) {
    for (const psu of data.psus) for (const account of psu.accounts) this.index(psu, account);
  }

  static load(dataDir: string | undefined, fresh: () => BankSnapshot): BankState {
    if (dataDir === undefined) return new BankState(fresh());
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'sandbox-bank.json');
    if (!existsSync(file)) {
      const state = new BankState(fresh(), file);
      state.changed();
      state.flush();
      return state;
    }
    const data = JSON.parse(readFileSync(file, 'utf8')) as BankSnapshot;
    if (data.version !== 1) throw new Error(`${file}: unknown state version ${String(data.version)}`);
    return new BankState(data, file);
  }

  changed(): void {
    this.dirty = true;
  }

  /** Writes the snapshot atomically (write then rename), so a crash never leaves half a file. */
  flush(): void {
    if (!this.dirty || this.file === undefined) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
    this.dirty = false;
  }

  psu(userId: string): Psu | undefined {
    return this.data.psus.find((p) => p.userId === userId);
  }

  accountByResourceId(resourceId: string): AccountRef | undefined {
    return this.byResourceId.get(resourceId);
  }

  accountByIban(iban: string): AccountRef | undefined {
    return this.byIban.get(iban);
  }

  /** Appends a transaction to an account, keeping its booked-then-pending order and its balance. */
  book(account: BankAccount, tx: Omit<BankTransaction, 'transactionId' | 'entryReference'>): BankTransaction {
    const record: BankTransaction = {
      ...tx,
      transactionId: String(this.data.nextTransactionId++),
      entryReference: String(account.nextEntryReference++),
    };
    const firstPending = account.transactions.findIndex((t) => t.status === 'pending');
    if (record.status === 'booked' && firstPending >= 0) account.transactions.splice(firstPending, 0, record);
    else account.transactions.push(record);
    if (record.status === 'booked') account.balanceMinor += record.amountMinor;
    this.changed();
    return record;
  }

  private index(psu: Psu, account: BankAccount): void {
    this.byResourceId.set(account.resourceId, { psu, account });
    this.byIban.set(account.iban, { psu, account });
  }
}
