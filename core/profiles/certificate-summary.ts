import { X509Certificate } from 'node:crypto';
import type { CertificateSummary } from '../../common/index.js';

/** One line per distinguished name, as Node gives it, becomes `C=RO, O=…, CN=…`. */
const oneLine = (name: string): string => name.split('\n').filter((part) => part !== '').join(', ');

/** Who a certificate names and how long it holds; the stored PEMs were checked on save, so this reads them as they are. */
export function certificateSummary(pem: string, now: Date): CertificateSummary {
  const certificate = new X509Certificate(pem);
  const validTo = new Date(certificate.validTo);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    expired: validTo.getTime() < now.getTime(),
  };
}
