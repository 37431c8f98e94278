import type { Db } from './database.js';

/** When each notice was last given (see core/notices/notice-rules.ts), kept so a restart does not repeat it. */
export class NoticesSentStore {
  constructor(private readonly db: Db) {}

  all(): Map<string, string> {
    const rows = this.db.prepare('SELECT key, day FROM notices_sent').all() as { key: string; day: string }[];
    return new Map(rows.map((r) => [r.key, r.day]));
  }

  has(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM notices_sent WHERE key = ?').get(key) !== undefined;
  }

  record(sent: readonly (readonly [string, string])[]): void {
    const put = this.db.prepare('INSERT INTO notices_sent (key, day) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET day = excluded.day');
    this.db.transaction(() => {
      for (const [key, day] of sent) put.run(key, day);
    })();
  }
}
