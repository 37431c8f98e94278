/**
 * A PSD2 context and token for the demo PSU, got straight from a sandbox bank without core's
 * connection service: for benches that time one of core's calls on its own.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cecProfile } from '../core/profiles/bank-profile.js';
import type { AisAuth, Psd2Context } from '../core/psd2/psd2-context.js';
import { toHeaderCertificate } from '../core/psd2/psd2-context.js';
import { enrolAsDeveloper } from '../sandbox/demo-developer.js';
import { playPsu } from '../sandbox/demo-psu.js';

export async function connectDirect(url: string): Promise<{ ctx: Psd2Context; auth: AisAuth }> {
  const cert = readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');
  const redirect = 'https://bench.invalid/cb';
  const { clientId } = await enrolAsDeveloper(url, { certificatePem: cert, redirectUri: redirect, organization: 'Bench' });
  const ctx: Psd2Context = { fetch, baseUrl: url, profile: cecProfile, clientId, certificate: toHeaderCertificate(cert), newRequestId: randomUUID };
  const consent = await fetch(`${url}/psd29c/v1/consents`, { method: 'POST', headers: { 'x-ibm-client-id': clientId, 'X-Request-ID': randomUUID(), 'TPP-Signature-Certificate': ctx.certificate, 'TPP-Redirect-URI': redirect } });
  const { consentId } = (await consent.json()) as { consentId: string };
  const authorize = new URL(consent.headers.get('location')!);
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  authorize.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  const back = await playPsu(authorize.toString(), { user: 'demo', decision: 'allow' });
  const token = (await (await fetch(`${url}/oauthcec/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: back.searchParams.get('code')!, redirect_uri: redirect, code_verifier: verifier }) })).json()) as { access_token: string };
  return { ctx, auth: { accessToken: token.access_token, consentId } };
}
