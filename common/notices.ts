/**
 * What core tells the person on its own, between their visits: the renderer shows each as a
 * system notification (when allowed) in the person's language. Kind and parameters only, never
 * display text: the renderer words it.
 */
export type Notice =
  /** A consent ends within 14 days: renew it to keep the accounts updating. At most once a day per connection. */
  | { kind: 'consent-expiring'; params: { connectionId: string; label: string; validUntil: string; daysLeft: number } }
  /** A consent has ended: its accounts no longer update. Once per connection. */
  | { kind: 'consent-expired'; params: { connectionId: string; label: string; validUntil: string | null } }
  /** A sync the app started on its own (not the person) stored new transactions. */
  | { kind: 'new-transactions'; params: { count: number; runId: number } };

export type NoticeKind = Notice['kind'];
