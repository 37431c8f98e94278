/**
 * Mutual TLS against a real https server on 127.0.0.1 that demands a client certificate and
 * trusts only the QWAC made for the test: a handshake succeeds only when core presents that
 * certificate and proves it holds its key.
 */
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutualTlsAgents, mutualTlsFetch } from '../../core/http/mutual-tls.js';
import { selfSigned, type SelfSigned } from '../helpers/tls-certs.js';

describe('mutualTlsFetch', () => {
  const server = selfSigned('127.0.0.1', 'IP:127.0.0.1');
  const qwac = selfSigned('Conturi Test QWAC');
  const otherQwac = selfSigned('Conturi Other QWAC');
  let https: Server;
  let origin: string;
  /** Every TLS connection the server accepted, and whether it has closed. */
  const connections: { socket: TLSSocket; closed: boolean }[] = [];

  beforeAll(async () => {
    https = createServer({ cert: server.certificatePem, key: server.privateKeyPem, requestCert: true, rejectUnauthorized: true, ca: [qwac.certificatePem, otherQwac.certificatePem] }, (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerX509Certificate();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ peer: peer?.fingerprint256 ?? null }));
    });
    https.on('secureConnection', (socket: TLSSocket) => {
      const entry = { socket, closed: false };
      connections.push(entry);
      socket.on('close', () => { entry.closed = true; });
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const address = https.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    origin = `https://127.0.0.1:${address.port}`;
  });
  afterAll(async () => { await new Promise((resolve) => https.close(resolve)); });

  const fingerprint = (c: SelfSigned) => new X509Certificate(c.certificatePem).fingerprint256;
  const peerSeen = async (f: typeof fetch) => ((await (await f(`${origin}/who`)).json()) as { peer: string }).peer;

  it('presents the QWAC certificate and key on the handshake', async () => {
    const tls = mutualTlsFetch(qwac, { extraCa: [server.certificatePem] });
    expect(await peerSeen(tls.fetch)).toBe(fingerprint(qwac));
    await tls.close();
  });

  it('still verifies the server: a server certificate it does not trust is refused', async () => {
    const tls = mutualTlsFetch(qwac);
    await expect(tls.fetch(`${origin}/who`)).rejects.toThrow();
    await tls.close();
  });

  it('is refused by the server without the QWAC, and with a certificate whose key it does not hold', async () => {
    const noClientCert = mutualTlsFetch({ certificatePem: '', privateKeyPem: '' }, { extraCa: [server.certificatePem] });
    await expect(noClientCert.fetch(`${origin}/who`)).rejects.toThrow();
    await noClientCert.close();
    const wrongKey = mutualTlsFetch({ certificatePem: qwac.certificatePem, privateKeyPem: otherQwac.privateKeyPem }, { extraCa: [server.certificatePem] });
    await expect(wrongKey.fetch(`${origin}/who`)).rejects.toThrow();
    await wrongKey.close();
  });
});

describe('MutualTlsAgents', () => {
  const server = selfSigned('127.0.0.1', 'IP:127.0.0.1');
  const qwac = selfSigned('Conturi Test QWAC');
  const renewed = selfSigned('Conturi Renewed QWAC');
  let https: Server;
  let origin: string;
  const connections: { socket: TLSSocket; closed: Promise<void> }[] = [];

  beforeAll(async () => {
    https = createServer({ cert: server.certificatePem, key: server.privateKeyPem, requestCert: true, rejectUnauthorized: true, ca: [qwac.certificatePem, renewed.certificatePem] }, (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ peer: (req.socket as TLSSocket).getPeerX509Certificate()?.fingerprint256 ?? null }));
    });
    https.on('secureConnection', (socket: TLSSocket) => {
      connections.push({ socket, closed: new Promise((resolve) => socket.on('close', () => resolve())) });
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const address = https.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    origin = `https://127.0.0.1:${address.port}`;
  });
  afterAll(async () => { await new Promise((resolve) => https.close(resolve)); });

  const peerSeen = async (f: typeof fetch) => ((await (await f(`${origin}/who`)).json()) as { peer: string }).peer;

  it('keeps one agent per profile: repeated calls reuse its connections', async () => {
    const agents = new MutualTlsAgents({ extraCa: [server.certificatePem] });
    const before = connections.length;
    for (let i = 0; i < 6; i++) await peerSeen(agents.fetchFor('p1', qwac));
    expect(agents.fetchFor('p1', qwac)).toBe(agents.fetchFor('p1', qwac));
    // An agent per call would open six; one agent opens one, or two when a reply races its socket's release.
    expect(connections.length - before).toBeLessThanOrEqual(2);
    await agents.closeAll();
  });

  it('closes the old agent when the profile’s QWAC changes, and presents the new one', async () => {
    const agents = new MutualTlsAgents({ extraCa: [server.certificatePem] });
    const before = connections.length;
    await peerSeen(agents.fetchFor('p1', qwac));
    const first = connections[before];
    if (first === undefined) throw new Error('no connection');
    expect(await peerSeen(agents.fetchFor('p1', renewed))).toBe(new X509Certificate(renewed.certificatePem).fingerprint256);
    await first.closed; // the replaced agent's socket goes away, nobody waits for a timeout
    await agents.closeAll();
  });

  it('closes a profile’s agent when the profile is forgotten', async () => {
    const agents = new MutualTlsAgents({ extraCa: [server.certificatePem] });
    const before = connections.length;
    const old = agents.fetchFor('p1', qwac);
    await peerSeen(old);
    await agents.forget('p1');
    await connections[before]?.closed;
    await expect(old(`${origin}/who`)).rejects.toThrow();
  });
});
