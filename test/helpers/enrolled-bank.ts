import { afterAll, beforeAll } from 'vitest';
import type { SandboxOptions } from '../../sandbox/index.js';
import { bankFor, enrol, REDIRECT, type Credentials, type TestBank } from './bank.js';

/** What `useBank` and `useEnrolledBank` hand the suite; filled in once their `beforeAll` has run. */
export interface BankFixture {
  bank: TestBank;
}

export interface EnrolledBankFixture extends BankFixture {
  /** The TPP enrolled through the Dynamic Users Register, activation mail included. */
  creds: Credentials;
}

/**
 * One sandbox bank on 127.0.0.1:0 for the enclosing `describe` (or file): started in its
 * `beforeAll`, closed in its `afterAll` even when a test failed. Hooks the suite registers after
 * this call run after the bank is up.
 */
export function useBank(options: SandboxOptions = {}): BankFixture {
  const fixture = {} as BankFixture;
  beforeAll(async () => {
    fixture.bank = await bankFor(options);
  });
  afterAll(async () => {
    await fixture.bank?.close();
  });
  return fixture;
}

/** `useBank`, plus a TPP enrolled for `redirectUri` before any test runs. */
export function useEnrolledBank(options: SandboxOptions = {}, { redirectUri = REDIRECT }: { redirectUri?: string } = {}): EnrolledBankFixture {
  const fixture = useBank(options) as EnrolledBankFixture;
  beforeAll(async () => {
    fixture.creds = await enrol(fixture.bank, redirectUri);
  });
  return fixture;
}
