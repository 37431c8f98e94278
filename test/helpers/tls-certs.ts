import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  certificatePem: string;
  privateKeyPem: string;
}

/**
 * A fresh self-signed certificate and its key, made by openssl for one test. The key goes
 * through a file in a private temp folder (never a command line) and the folder is removed.
 */
export function selfSigned(commonName: string, subjectAltName = `DNS:${commonName}`): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-subj', `/CN=${commonName}`, '-addext', `subjectAltName=${subjectAltName}`, '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    return { certificatePem: readFileSync(cert, 'utf8'), privateKeyPem: readFileSync(key, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
