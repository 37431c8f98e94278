import { describe, expect, it } from 'vitest';
import { outcome, startTestSession } from '../../test/helpers/auth-session.js';
import type { AuthorizationPort, AuthorizationSession } from './authorization-session.js';
import { FORGED_CALLBACK_QUERIES } from '../../test/fixtures/forged-callbacks.js';
import { useBank } from '../../test/helpers/enrolled-bank.js';

const REDIRECT = 'https://conturi.invalid/oauth/callback';
/** The bank's page is shown by nobody: the test hands the redirects over itself. */
const nowhere: AuthorizationPort = { open: () => undefined };

const sandbox = useBank();

const answerTo = (session: AuthorizationSession, url: string) => {
  const handling = session.handleRedirect(url);
  if (!handling.ours) throw new Error(`not ours: ${url}`);
  return handling.answer;
};

const probes = FORGED_CALLBACK_QUERIES;

describe('AuthorizationSession.handleRedirect', () => {
  it.each(probes)('refuses ?%s as not this request and keeps waiting', async (query) => {
    const { session } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    await expect(answerTo(session, `${REDIRECT}?${query}`)).resolves.toMatchObject({ kind: 'not-for-this-request' });
    expect(session.isSettled).toBe(false);
    expect(session.rejectedRedirects).toBe(1);
    session.cancel('closed');
  });

  it('after every probe, settles with the exchanged tokens of the real answer and says authorised', async () => {
    const { session, consentId, bankAnswer } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    for (const query of probes) await answerTo(session, `${REDIRECT}?${query}`);
    expect(session.isSettled).toBe(false);
    await expect(answerTo(session, await bankAnswer())).resolves.toEqual({ kind: 'authorized' });
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    expect(session.rejectedRedirects).toBe(probes.length);
  });

  it('says refused and settles as cancelled when the person refused on the bank page', async () => {
    const { session, bankAnswer } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    await expect(answerTo(session, await bankAnswer({ decision: 'deny' }))).resolves.toEqual({ kind: 'refused' });
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
  });

  it('says failed, with why, when the bank will not exchange a code that carried our state', async () => {
    const { session, redirect } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    const answer = await answerTo(session, redirect({ code: 'not-a-code-of-the-bank' }));
    expect(answer).toEqual({ kind: 'failed', why: expect.stringContaining('invalid_grant') });
    await expect(outcome(session)).resolves.toEqual({ error: 'invalid_grant', reason: undefined });
  });

  it('fails on a repeated code once the state is ours (only the bank knows the state)', async () => {
    const { session, redirect } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    const url = `${redirect({ code: 'a' })}&code=b`;
    await expect(answerTo(session, url)).resolves.toEqual({ kind: 'failed', why: 'the redirect repeats code' });
    await expect(outcome(session)).resolves.toEqual({ error: 'PROTOCOL_ERROR', reason: undefined });
  });

  it('answers no-session to a redirect that arrives after the answer', async () => {
    const { session, bankAnswer, redirect } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    const real = await bankAnswer();
    const first = answerTo(session, real);
    await expect(answerTo(session, redirect({ code: 'late' }))).resolves.toEqual({ kind: 'no-session' });
    await expect(first).resolves.toEqual({ kind: 'authorized' });
    await expect(answerTo(session, real)).resolves.toEqual({ kind: 'no-session' });
  });

  it('lets foreign URLs go on', async () => {
    const { session } = await startTestSession(sandbox.bank, nowhere, REDIRECT);
    expect(session.handleRedirect(`${REDIRECT}-evil?code=c`)).toEqual({ ours: false });
    session.cancel('closed');
  });
});

describe('AuthorizationSession › a bank that may drop state (stateMayBeOmitted)', () => {
  const withoutState = (url: string) => {
    const u = new URL(url);
    u.searchParams.delete('state');
    return u.href;
  };

  it('tries a forged state-less code, keeps waiting on invalid_grant, then takes the real state-less code', async () => {
    const { session, consentId, bankAnswer } = await startTestSession(sandbox.bank, nowhere, REDIRECT, { stateMayBeOmitted: true });
    await expect(answerTo(session, `${REDIRECT}?code=FORGED`)).resolves.toEqual({ kind: 'not-for-this-request', why: 'the bank did not issue this code for this request' });
    expect(session.isSettled).toBe(false);
    await expect(answerTo(session, withoutState(await bankAnswer()))).resolves.toEqual({ kind: 'authorized' });
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
  });

  it('never ends on a state-less error', async () => {
    const { session, bankAnswer } = await startTestSession(sandbox.bank, nowhere, REDIRECT, { stateMayBeOmitted: true });
    for (const query of ['error=access_denied', 'error=a&error=b', 'foo=1', 'code=1&code=2']) {
      await expect(answerTo(session, `${REDIRECT}?${query}`)).resolves.toMatchObject({ kind: 'not-for-this-request' });
    }
    expect(session.isSettled).toBe(false);
    // The bank's own refusal carries our state, so it still ends the flow.
    await expect(answerTo(session, await bankAnswer({ decision: 'deny' }))).resolves.toEqual({ kind: 'refused' });
  });

  it('still refuses another request\'s state without asking the bank', async () => {
    const { session } = await startTestSession(sandbox.bank, nowhere, REDIRECT, { stateMayBeOmitted: true });
    await expect(answerTo(session, `${REDIRECT}?code=c&state=other`)).resolves.toMatchObject({ kind: 'not-for-this-request', why: expect.stringContaining('another request') });
    session.cancel('closed');
  });
});
