import type { FastifyInstance } from 'fastify';
import { PREFIX, type BankContext } from '../context.js';

/**
 * CEC's authorization-server metadata, list values as strings ("[code,none]") as the bank sends
 * them, and endpoints under `/oauth/oauth2/…` while its Location headers use `/oauthcec/oauth2/…`:
 * the sandbox serves both forms, so either one a client picks works.
 */
export function oauthMetadataRoutes(app: FastifyInstance, ctx: BankContext): void {
  const metadata = () => ({
    issuer: ctx.origin,
    authorization_endpoint: `${ctx.origin}${PREFIX}/oauth/oauth2/authorize`,
    token_endpoint: `${ctx.origin}${PREFIX}/oauth/oauth2/token`,
    response_types_supported: '[code,none]',
    response_modes_supported: '[fragment,form_post]',
    grant_types_supported: '[authorization_code]',
    id_token_signing_alg_values_supported: '[RS256]',
    id_token_encryption_alg_values_supported: '[]',
    id_token_encryption_enc_values_supported: '[]',
    code_challenge_methods_supported: '[S256]',
    name: 'TpplauthCec',
    registration_endpoint: `${ctx.origin}${PREFIX}/dynamic-users-register/`,
  });
  for (const family of ['oauth', 'oauthcec']) {
    app.get(`${PREFIX}/${family}/.well-known/oauthauthorization-server`, async () => metadata());
  }
}
