/** The address of an account's screen (its id holds ':' and may hold other characters an address cannot). */
export const accountPath = (accountId: string): string => `/accounts/${encodeURIComponent(accountId)}`;
