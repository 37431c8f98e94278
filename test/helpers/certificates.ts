import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const demoPath = fileURLToPath(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url));

/** The demo eIDAS certificate (roles PSP_AI and PSP_PI) as a multi-line PEM file. */
export const demoCertificatePem = readFileSync(demoPath, 'utf8');

/** The PEM on one line with spaces, as CEC's portal shows it (§5 of the digest). */
const oneLinePem = (pem: string): string => pem.trim().split(/\r?\n/).join(' ');

/** Bare base64 DER: the Berlin Group form. */
export const bareBase64 = (pem: string): string => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

export const demoCertificate = oneLinePem(demoCertificatePem);

const fixture = (name: string) => oneLinePem(readFileSync(fileURLToPath(new URL(`../fixtures/certs/${name}`, import.meta.url)), 'utf8'));

/** A certificate whose QCStatement grants only PSP_AI. */
export const aisOnlyCertificate = (): string => fixture('ai-only.cert.pem');
/** A certificate whose validity ended in 2021. */
export const expiredCertificate = (): string => fixture('expired.cert.pem');
