/**
 * PSD2 API-ConsentC wire types: what the app sends to create a consent and what the bank answers.
 * @see digest §2.1; Berlin Group 1.3.12 createConsent, getConsentInformation, getConsentStatus.
 */
import { z } from 'zod';
import { wireBoolean, wireId, wireInteger } from '../../http/bank-answer.js';
import { accountReference, hrefType, isoDate } from './common.js';

/**
 * The consent's state. `partiallyAuthorised` (multi-level SCA under way) is the standard's too;
 * further codes a bank may invent are refused, since the app could not act on them.
 * @see BG `consentStatus`.
 */
const consentStatus = z.enum(['received', 'rejected', 'valid', 'revokedByPsu', 'expired', 'terminatedByTpp', 'partiallyAuthorised']);
export type WireConsentStatus = z.infer<typeof consentStatus>;

/** @see BG `_linksConsents`. */
const consentLinks = z
  .object({
    /** The OAuth 2.0 authorization server metadata (RFC 8414) to run the code flow against. */
    scaOAuth: hrefType.optional(),
    scaRedirect: hrefType.optional(),
    self: hrefType.optional(),
    status: hrefType.optional(),
    scaStatus: hrefType.optional(),
    startAuthorisation: hrefType.optional(),
  })
  .loose();

/** @see BG `consentsResponse-201`; digest §2.1. */
export const consentsResponse201 = z
  .object({
    /** REQUIRED. "received" until the PSU authorises. */
    consentStatus,
    /** REQUIRED. The id in `scope=AIS:{consentId}` and in `Consent-ID`. */
    consentId: wireId.pipe(z.string().min(1)),
    /** REQUIRED by BG; tolerated when absent, since CEC's `Location` header carries the authorize URL. */
    _links: consentLinks.optional(),
    psuMessage: z.string().optional(),
  })
  .loose();
export type ConsentsResponse201 = z.infer<typeof consentsResponse201>;

/** @see BG `accountAccess`. */
const accountAccess = z
  .object({
    accounts: z.array(accountReference).optional(),
    balances: z.array(accountReference).optional(),
    transactions: z.array(accountReference).optional(),
    availableAccounts: z.string().optional(),
    availableAccountsWithBalance: z.string().optional(),
    allPsd2: z.string().optional(),
  })
  .loose();

/** @see BG `consentInformationResponse-200_json`. */
export const consentInformationResponse = z
  .object({
    /** REQUIRED. What the PSU granted (CEC: the boxes ticked on its consent page, digest §2.3). */
    access: accountAccess,
    /** REQUIRED. */
    recurringIndicator: wireBoolean,
    /**
     * REQUIRED by BG. Optional here: CEC's consents carry no body (digest §2.1), so a consent
     * not yet authorised has no validity date to report.
     */
    validUntil: isoDate.optional(),
    /** REQUIRED. Unattended accesses a day. */
    frequencyPerDay: wireInteger,
    /**
     * REQUIRED by BG; optional here, since the standard's own example
     * (consentsInformationResponseExample) leaves it out, and nothing the app does depends on it.
     */
    lastActionDate: isoDate.optional(),
    /** REQUIRED. */
    consentStatus,
    _links: z.object({}).loose().optional(),
  })
  .loose();
export type ConsentInformationResponse = z.infer<typeof consentInformationResponse>;

/** @see BG `consentStatusResponse-200`. */
export const consentStatusResponse = z
  .object({
    /** REQUIRED. */
    consentStatus,
    psuMessage: z.string().optional(),
  })
  .loose();

/**
 * Body of a Berlin Group consent request, for banks whose profile says `consentBody:
 * 'berlin-group'` (CEC's is empty: the PSU picks accounts on the bank's page).
 * @see BG `consents`.
 */
export interface ConsentRequestBody {
  access: {
    accounts?: { iban: string; currency?: string }[];
    balances?: { iban: string; currency?: string }[];
    transactions?: { iban: string; currency?: string }[];
    availableAccounts?: 'allAccounts' | 'allAccountsWithOwnerName';
    allPsd2?: 'allAccounts' | 'allAccountsWithOwnerName';
  };
  recurringIndicator: boolean;
  /** ISO date, inclusive; "9999-12-31" asks for the longest the bank allows. */
  validUntil: string;
  frequencyPerDay: number;
  combinedServiceIndicator: boolean;
}
