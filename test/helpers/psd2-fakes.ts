/**
 * Offline helpers for the PSD2 request/process unit tests: bank answers as real `Response`
 * objects, and a `Psd2Context` whose fetch records each request and answers with a given one.
 */
import { cecProfile, type BankProfile } from '../../core/profiles/bank-profile.js';
import type { Psd2Context } from '../../core/psd2/psd2-context.js';

const BASE_URL = 'https://api.cec.ro/cec/prod';
export const CLIENT_ID = 'client-1';
export const REQUEST_ID = '123e4567-e89b-12d3-a456-426655440000';
export const CERTIFICATE = '-----BEGIN CERTIFICATE----- MIIBexample -----END CERTIFICATE-----';

/** A bank answer with a JSON content type unless `headers` says otherwise. */
export function answer(body: string | null, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export interface Recording {
  ctx: Psd2Context;
  /** Every request the code under test sent, in order. */
  calls: Request[];
}

/** A context that answers every request with `reply` (default `{}`) and records it. */
export function recordingContext(reply: (req: Request) => Response = () => answer('{}'), profile: BankProfile = cecProfile): Recording {
  const calls: Request[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    calls.push(req);
    return reply(req);
  };
  return {
    calls,
    ctx: { fetch: fakeFetch, baseUrl: BASE_URL, profile, clientId: CLIENT_ID, certificate: CERTIFICATE, newRequestId: () => REQUEST_ID },
  };
}

/** The one request a test expects to have been sent. */
export function onlyCall(rec: Recording): Request {
  if (rec.calls.length !== 1) throw new Error(`expected one request, got ${rec.calls.length}`);
  return rec.calls[0] as Request;
}

/** A Berlin Group bank: `/v1` families under the base, standard consent body and detail wrapper. */
export const bgProfile: BankProfile = {
  ...cecProfile,
  id: 'bg-test',
  paths: { ...cecProfile.paths, consents: '/v1', accounts: '/v1', payments: '/v1' },
  quirks: { ...cecProfile.quirks, consentBody: 'berlin-group', accountDetailWrapper: 'account' },
};
