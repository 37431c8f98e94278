import type { Connection, ConnectionStatus, GrantedAccount } from '../../common/index.js';
import type { ConnectionRecord, GrantRecord } from '../store/connections.js';

/** Warn the person from this many days before a consent ends. */
const EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

/** The bank's calendar day (Europe/Bucharest), which is the day `validUntil` is counted in. */
export function bankDay(at: Date, timeZone = 'Europe/Bucharest'): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Building a formatter costs far more than using one; list views ask for today on every call. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Whole days from `today` to `validUntil` (both ISO dates); 0 on the last valid day, negative after. */
function daysBetween(today: string, validUntil: string): number {
  return Math.round((Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** What a connection is for the person, from the bank's consent status, validUntil and our own flags. */
function connectionStatus(c: ConnectionRecord, today: string): ConnectionStatus {
  switch (c.consentStatus) {
    case 'received':
      return 'authorizing';
    case 'rejected':
      return 'rejected';
    case 'revokedByPsu':
    case 'terminatedByTpp':
      return 'revoked';
    case 'expired':
      return 'expired';
    case 'valid': {
      if (c.validUntil !== undefined && daysBetween(today, c.validUntil) < 0) return 'expired';
      if (c.reauthRequired) return 'reauth-required';
      if (c.validUntil !== undefined && daysBetween(today, c.validUntil) <= EXPIRY_WARNING_DAYS) return 'expiring';
      return 'active';
    }
  }
}

export function toConnection(c: ConnectionRecord, grants: GrantRecord[], today: string): Connection {
  const accounts: GrantedAccount[] = grants.map((g) => ({
    accountId: g.id,
    iban: g.iban ?? g.maskedPan ?? '',
    currency: g.currency,
    balances: g.balances,
    transactions: g.transactions,
  }));
  return {
    id: c.id,
    profileId: c.profileId,
    label: c.label,
    consentId: c.consentId,
    consentStatus: c.consentStatus,
    status: connectionStatus(c, today),
    validUntil: c.validUntil,
    daysLeft: c.validUntil === undefined || c.consentStatus !== 'valid' ? undefined : Math.max(0, daysBetween(today, c.validUntil)),
    createdAt: c.createdAt,
    accounts,
  };
}
