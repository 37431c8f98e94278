/**
 * The wizard checks each input as it is typed, by the rules of the contract's zod schemas
 * (common/contract.ts: `profiles:save-production`, `enrolment:register`, `enrolment:create-app`,
 * and common/url-rule.ts), mirrored here because the renderer's bundle does not load zod; the
 * host checks the same again, and wizard-rules.test.ts holds the two to each other. The PEM
 * shape, which the contract leaves to core, is checked here too. A problem is a kind and its
 * bounds; the form words it in the person's language.
 */
export type Problem =
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'profileId' }
  | { kind: 'certificate' }
  | { kind: 'privateKey' }
  | { kind: 'password'; min: number };

/** CEC's production API (the guide's base URL); a bank simulator on 127.0.0.1 may be typed instead. */
export const CEC_BASE_URL = 'https://api.cec.ro/cec/prod';

type Check = (value: string) => Problem | undefined;

/** A length between bounds, after trimming when the contract trims. */
const text = (min: number, max: number, { trim = true } = {}): Check => (value) => {
  const v = trim ? value.trim() : value;
  if (v === '') return { kind: 'required' };
  if (v.length < min) return { kind: 'tooShort', min };
  if (v.length > max) return { kind: 'tooLong', max };
  return undefined;
};

const LOOPBACK = /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/** common/url-rule.ts: https anywhere, plain http to loopback only, no user:password@, no fragment. */
const webUrl: Check = (value) => {
  const v = value.trim();
  if (v === '') return { kind: 'required' };
  if (v.length > 2000) return { kind: 'tooLong', max: 2000 };
  if (!URL.canParse(v)) return { kind: 'url' };
  const url = new URL(v);
  const ok = (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    && url.username === '' && url.password === '' && !v.includes('#');
  return ok ? undefined : { kind: 'url' };
};

/** zod's `z.email()` pattern, in its shape: a local part, an @, and a dotted domain. */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const email: Check = (value) => {
  const v = value.trim();
  if (v === '') return { kind: 'required' };
  if (v.length > 254) return { kind: 'tooLong', max: 254 };
  return EMAIL.test(v) ? undefined : { kind: 'email' };
};

const CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*$/;
const PRIVATE_KEY = /^\s*-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----\s+[A-Za-z0-9+/=\s]+-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----\s*$/;

const pem = (shape: RegExp, kind: 'certificate' | 'privateKey', min: number): Check => (value) => {
  if (value.trim() === '') return { kind: 'required' };
  if (!shape.test(value)) return { kind };
  return text(min, 20_000, { trim: false })(value);
};

const optional = (check: Check): Check => (value) => (value.trim() === '' ? undefined : check(value));

/** One check per input of the wizard, named as the form names its fields. */
export const rules = {
  profileId: (v: string) => (v === '' ? { kind: 'required' } : /^[a-z0-9-]{1,40}$/.test(v) ? undefined : { kind: 'profileId' }),
  baseUrl: webUrl,
  redirectUri: webUrl,
  certificate: pem(CERTIFICATE, 'certificate', 100),
  clientId: text(1, 200),
  clientSecret: optional(text(1, 500, { trim: false })),
  qwacCertificate: optional(pem(CERTIFICATE, 'certificate', 1)),
  qwacKey: optional(pem(PRIVATE_KEY, 'privateKey', 1)),
  email,
  password: (v: string) => {
    const problem = text(8, 128, { trim: false })(v);
    return problem?.kind === 'tooShort' ? { kind: 'password' as const, min: problem.min } : problem;
  },
  firstName: text(1, 100),
  lastName: text(1, 100),
  organization: text(1, 100),
  appName: text(1, 64),
  appTitle: text(1, 100),
} satisfies Record<string, Check>;

export type FieldName = keyof typeof rules;

/** The problems of the fields given; empty when every one passes. */
export function problemsOf(values: Partial<Record<FieldName, string>>): Partial<Record<FieldName, Problem>> {
  const out: Partial<Record<FieldName, Problem>> = {};
  for (const [name, value] of Object.entries(values) as [FieldName, string][]) {
    const problem = rules[name](value);
    if (problem !== undefined) out[name] = problem;
  }
  return out;
}

/**
 * Where the bank sends the person back: browser mode's host catches `/oauth/callback` on its own
 * origin; the Electron window catches the app's reserved address before it loads.
 */
export function defaultRedirectUri(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' ? `${location.origin}/oauth/callback` : 'https://conturi.invalid/oauth/callback';
}
