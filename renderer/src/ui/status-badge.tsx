import type { Connection } from '../../../common/domain.js';
import { statusText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';

const tone: Record<Connection['status'], string> = {
  active: 'ok',
  expiring: 'warn',
  expired: 'bad',
  revoked: 'muted',
  'reauth-required': 'bad',
  authorizing: 'info',
  rejected: 'bad',
};

/** A connection's state in a word, coloured by what it asks of the person. */
export function StatusBadge({ connection }: { connection: Pick<Connection, 'status' | 'daysLeft'> }) {
  const text = useText();
  return <span className={`badge ${tone[connection.status]}`}>{statusText(text, connection)}</span>;
}
