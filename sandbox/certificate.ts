import { X509Certificate } from 'node:crypto';
import { reject } from './errors.js';

/** eIDAS PSD2 roles (ETSI TS 119 495) the bank looks for in the certificate's QCStatement. */
export type PspRole = 'PSP_AI' | 'PSP_PI';

export interface TppCertificate {
  subject: string;
  organizationIdentifier?: string;
  roles: PspRole[];
  fingerprint256: string;
}

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/**
 * Reads `TPP-Signature-Certificate` as §5 of the digest fixes it: a PEM on one line (line
 * breaks removed or turned into spaces) or bare base64 DER. An HTTP header cannot carry line
 * breaks, so the bank rebuilds the DER itself and parses it as X.509.
 */
export function parseTppCertificate(header: string | undefined, now: Date): TppCertificate {
  if (header === undefined || header.trim() === '') {
    return reject(401, 'CERTIFICATE_MISSING', 'TPP-Signature-Certificate header is required');
  }
  let body = header.trim();
  const hasBegin = body.startsWith(BEGIN);
  const hasEnd = body.endsWith(END);
  if (hasBegin !== hasEnd) return reject(401, 'CERTIFICATE_INVALID', 'PEM markers are unbalanced');
  if (hasBegin) body = body.slice(BEGIN.length, body.length - END.length);
  body = body.replace(/\s+/g, '').replace(/\\n/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    return reject(401, 'CERTIFICATE_INVALID', 'certificate is not base64');
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    return reject(401, 'CERTIFICATE_INVALID', 'certificate could not be parsed as X.509');
  }
  if (new Date(cert.validFrom) > now) return reject(401, 'CERTIFICATE_INVALID', `certificate is not valid before ${cert.validFrom}`);
  if (new Date(cert.validTo) < now) return reject(401, 'CERTIFICATE_EXPIRED', `certificate expired on ${cert.validTo}`);
  const raw = cert.raw.toString('latin1');
  // The PSD2 QCStatement carries each role as an OID followed by its name; node:crypto does not
  // decode QCStatements, but the role names are UTF8Strings that appear verbatim in the DER.
  const roles = (['PSP_AI', 'PSP_PI'] as const).filter((role) => raw.includes(role));
  const orgId = /organizationIdentifier=([^\n]+)|2\.5\.4\.97=([^\n]+)/.exec(cert.subject);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    organizationIdentifier: orgId?.[1] ?? orgId?.[2],
    roles,
    fingerprint256: cert.fingerprint256,
  };
}

/** Refuses a certificate that lacks the eIDAS role the API family needs. */
export function requireRole(cert: TppCertificate, role: PspRole): void {
  if (!cert.roles.includes(role)) {
    reject(401, 'CERTIFICATE_INVALID', `the eIDAS certificate has no ${role} role`);
  }
}
