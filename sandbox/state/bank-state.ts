import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankSnapshot, MailMessage, PendingAuthorization } from './records.js';
import type { BankAccount, BankTransaction, Psu } from './types.js';
import { upgradeSnapshot } from './upgrade.js';

export interface AccountRef {
  psu: Psu;
  account: BankAccount;
}

/**
 * The bank's memory. Arrays in the snapshot are the truth (they persist as JSON); the maps are
 * indexes rebuilt on load. Routes mutate records and call `changed()` so `--data-dir` saves once
 * per request rather than on every field. Pages in flight and the mailbox stay in memory: a mail
 * carries a usable activation link, and the file must not.
 */
export class BankState {
  readonly pending = new Map<string, PendingAuthorization>();
  readonly mailbox: MailMessage[] = [];
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
    // The folder may be older than us, or made by someone else's umask: only its owner reads it.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    const file = join(dataDir, 'sandbox-bank.json');
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }) : undefined;
    const state = new BankState(saved === undefined ? fresh() : upgradeSnapshot(saved, file), file);
    // A new bank, or a file from an older version (it had secrets in clear): write it as it is now.
    if (saved?.version !== state.data.version) state.changed();
    state.flush();
    chmodSync(file, 0o600);
    return state;
  }

  changed(): void {
    this.dirty = true;
  }

  /**
   * Writes the snapshot atomically (write then rename), so a crash never leaves half a file. The
   * temporary file is made afresh, owner-only: a leftover one would keep its old mode.
   */
  flush(): void {
    if (!this.dirty || this.file === undefined) return;
    const tmp = `${this.file}.tmp`;
    rmSync(tmp, { force: true });
    writeFileSync(tmp, JSON.stringify(this.data), { mode: 0o600, flag: 'wx' });
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

  /**
   * Records a transaction on an account with the next id and entryReference. A booked one goes
   * after every booked one of its day or earlier (booked by date, then by recording order), before
   * the pending ones; the balance follows the booked amounts.
   */
  book(account: BankAccount, tx: Omit<BankTransaction, 'transactionId' | 'entryReference'>): BankTransaction {
    const record: BankTransaction = {
      ...tx,
      transactionId: String(this.data.nextTransactionId++),
      entryReference: String(account.nextEntryReference++),
    };
    this.place(account, record);
    return record;
  }

  /**
   * The bank books a pending transaction today. It is recorded anew (the next entryReference, so
   * `entryReferenceFrom` and `deltaList` deliver the booking) and keeps its id unless `newId`, as
   * banks differ there.
   */
  bookPending(account: BankAccount, pending: BankTransaction, bookingDate: string, newId: boolean): BankTransaction {
    const at = account.transactions.indexOf(pending);
    if (at < 0 || pending.status !== 'pending') throw new Error(`transaction ${pending.transactionId} is not pending on ${account.iban}`);
    account.transactions.splice(at, 1);
    const record: BankTransaction = {
      ...pending,
      status: 'booked',
      bookingDate,
      transactionId: newId ? String(this.data.nextTransactionId++) : pending.transactionId,
      entryReference: String(account.nextEntryReference++),
    };
    this.place(account, record);
    return record;
  }

  /** The account holding the transaction the bank knows by this id. */
  transactionById(transactionId: string): (AccountRef & { transaction: BankTransaction }) | undefined {
    for (const psu of this.data.psus) {
      for (const account of psu.accounts) {
        const transaction = account.transactions.find((t) => t.transactionId === transactionId);
        if (transaction !== undefined) return { psu, account, transaction };
      }
    }
    return undefined;
  }

  private place(account: BankAccount, record: BankTransaction): void {
    const list = account.transactions;
    if (record.status === 'pending') list.push(record);
    else {
      const day = record.bookingDate ?? '';
      let at = list.length;
      while (at > 0 && (list[at - 1]?.status === 'pending' || (list[at - 1]?.bookingDate ?? '') > day)) at--;
      list.splice(at, 0, record);
      account.balanceMinor += record.amountMinor;
    }
    this.changed();
  }

  private index(psu: Psu, account: BankAccount): void {
    this.byResourceId.set(account.resourceId, { psu, account });
    this.byIban.set(account.iban, { psu, account });
  }
}
