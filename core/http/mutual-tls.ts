import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

/** A QWAC: the certificate and its private key, presented on every TLS handshake. */
export interface Qwac {
  certificatePem: string;
  privateKeyPem: string;
}

export interface MutualTlsOptions {
  /**
   * Certificate authorities to trust besides the usual roots, e.g. a simulator's own CA. They add
   * to the roots, never replace them, and no option here turns server verification off.
   */
  extraCa?: string[];
}

/** A fetch that presents the QWAC, and the agent behind it, which holds its connections. */
export interface MutualTlsFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/**
 * A fetch that presents the TPP's QWAC (mutual TLS), as banks may require on top of the
 * signature certificate header. Server certificates are checked as usual.
 */
export function mutualTlsFetch(qwac: Qwac, options: MutualTlsOptions = {}): MutualTlsFetch {
  const ca = options.extraCa === undefined ? undefined : [...rootCertificates, ...options.extraCa];
  const dispatcher = new Agent({ connect: { cert: qwac.certificatePem, key: qwac.privateKeyPem, ...(ca === undefined ? {} : { ca }) } });
  const fetchWithQwac = ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  return { fetch: fetchWithQwac, close: () => dispatcher.close() };
}

/**
 * One mutual-TLS agent per profile, kept across calls so its connections are reused, and closed
 * as soon as the profile's QWAC changes or the profile goes away: an agent made per call would
 * leave its sockets open until the process ends.
 */
export class MutualTlsAgents {
  private readonly agents = new Map<string, { fingerprint: string; tls: MutualTlsFetch }>();

  constructor(private readonly options: MutualTlsOptions = {}) {}

  /** The profile's fetch for this QWAC: the same one while the QWAC is unchanged. */
  fetchFor(profileId: string, qwac: Qwac): typeof fetch {
    // A digest, so the map never holds a second copy of the key.
    const fingerprint = createHash('sha256').update(qwac.certificatePem).update('\0').update(qwac.privateKeyPem).digest('hex');
    const current = this.agents.get(profileId);
    if (current?.fingerprint === fingerprint) return current.tls.fetch;
    if (current !== undefined) void this.close(current.tls);
    const tls = mutualTlsFetch(qwac, this.options);
    this.agents.set(profileId, { fingerprint, tls });
    return tls.fetch;
  }

  /** Closes the profile's agent (its settings changed or it was removed); calls in flight finish first. */
  async forget(profileId: string): Promise<void> {
    const current = this.agents.get(profileId);
    this.agents.delete(profileId);
    if (current !== undefined) await current.tls.close();
  }

  /** Closes every agent, when core shuts down. */
  async closeAll(): Promise<void> {
    const all = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(all.map((a) => a.tls.close()));
  }

  /** A replaced agent drains in the background; it can only fail if it was already closed, which nothing here does twice. */
  private close(tls: MutualTlsFetch): Promise<void> {
    return tls.close().catch(() => undefined);
  }
}
