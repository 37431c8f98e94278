/**
 * A bank as data: where its API families live and how it departs from the Berlin Group
 * standard. Another Berlin Group bank is a new profile plus, at most, new quirk values —
 * never a fork of the client.
 */
export interface BankPaths {
  /** ConsentC family, e.g. `/psd29c/v1`. */
  consents: string;
  /** AccountsC family, e.g. `/psd29c/v1`; CEC's `_links` hrefs (`/v1/accounts/…`) resolve against its parent. */
  accounts: string;
  /** PaymentsC family, e.g. `/psd29p/v1`. */
  payments: string;
  /** Authorization endpoint used when the consent's answer has no Location header. */
  authorize: string;
  /** Token endpoint; CEC's metadata names `/oauth/oauth2/token` while its examples use `/oauthcec/…`. */
  token: string;
  /** Dynamic Users Register (enrolment), when the bank offers one. */
  enrolment?: string;
}

export interface BankQuirks {
  /** CEC: the PSU picks accounts on the bank's page, so POST consents carries an empty body. */
  consentBody: 'empty' | 'berlin-group';
  /** CEC answers `GET /accounts/{id}` with `{"accounts":[one]}` instead of `{"account":{}}`. */
  accountDetailWrapper: 'accounts-list' | 'account';
  /**
   * CEC's guide shows redirects without `state`. Where on, a state-less `code` is only a candidate
   * that the token exchange must prove (PKCE binds a real code to our verifier); a state-less
   * `error` never ends the flow. Off for banks seen to echo state, the sandbox among them.
   */
  stateMayBeOmitted: boolean;
}

export interface BankProfile {
  id: string;
  /** Shown to the person. */
  displayName: string;
  paths: BankPaths;
  quirks: BankQuirks;
}

const cecPaths: BankPaths = {
  consents: '/psd29c/v1',
  accounts: '/psd29c/v1',
  payments: '/psd29p/v1',
  authorize: '/oauthcec/oauth2/authorize',
  token: '/oauthcec/oauth2/token',
  enrolment: '/dynamic-users-register',
};

export const cecQuirks: BankQuirks = {
  consentBody: 'empty',
  accountDetailWrapper: 'accounts-list',
  stateMayBeOmitted: true,
};

export const cecProfile: BankProfile = {
  id: 'cec',
  displayName: 'CEC Bank',
  paths: cecPaths,
  quirks: cecQuirks,
};

/** The embedded sandbox speaks CEC's API but always echoes `state`: no state-less answer counts there. */
export const cecSandboxProfile: BankProfile = {
  ...cecProfile,
  quirks: { ...cecQuirks, stateMayBeOmitted: false },
};

/**
 * The banks the app knows, by id. A production profile names one (`bank`); adding a Berlin Group
 * bank means adding its paths and quirks here.
 */
export const bankProfiles: Readonly<Record<string, BankProfile>> = { [cecProfile.id]: cecProfile };
