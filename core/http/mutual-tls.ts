import { Agent, fetch as undiciFetch } from 'undici';

/**
 * A fetch that presents the TPP's QWAC (mutual TLS), as banks may require on top of the
 * signature certificate header. Server certificates are checked as usual: no option here
 * weakens TLS verification.
 */
export function mutualTlsFetch(qwac: { certificatePem: string; privateKeyPem: string }): typeof fetch {
  const dispatcher = new Agent({ connect: { cert: qwac.certificatePem, key: qwac.privateKeyPem } });
  return ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
}
