import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { connection } from '../../store/test-fixtures.js';
import { renderWith, visibleText } from '../../ui/render-for-test.js';
import { ConnectionsScreen } from './connections-screen.js';

const render = (state: Parameters<typeof renderWith>[0], language: 'ro' | 'en' = 'ro') =>
  renderWith({ connectionsLoaded: true, profiles: [{ id: 'sandbox', kind: 'sandbox', displayName: 'Banca demo' }], ...state }, createElement(ConnectionsScreen), language);

describe('the connections screen', () => {
  it('shows each consent with its status, the validUntil countdown, and the accounts and permissions granted', () => {
    const html = render({
      connections: [connection({
        label: 'Ana', status: 'expiring', daysLeft: 12, validUntil: '2026-03-26',
        accounts: [
          { accountId: 'a', iban: 'RO49CECE0000000000000001', currency: 'RON', balances: true, transactions: true },
          { accountId: 'b', iban: 'RO22CECE0000000000000002', currency: 'EUR', balances: true, transactions: false },
          { accountId: 'c', iban: 'RO33CECE0000000000000003', balances: false, transactions: false },
        ],
      })],
    });
    const text = visibleText(html);
    expect(text).toContain('Ana expiră curând (12 zile) Banca: Banca demo');
    expect(text).toContain('mai sunt 12 zile, până la 26.03.2026');
    expect(text).toContain('RO49 CECE 0000 0000 0000 0001 RON solduri, tranzacții');
    expect(text).toContain('RO22 CECE 0000 0000 0000 0002 EUR solduri');
    expect(text).toContain('RO33 CECE 0000 0000 0000 0003 doar contul');
    for (const action of ['Reînnoiește', 'Revocă', 'Actualizează starea', 'Șterge']) expect(text).toContain(action);
  });

  it('offers a new connection beside the existing ones, and says what to do when there is none', () => {
    const none = visibleText(render({ connections: [] }));
    expect(none).toContain('Nicio bancă conectată încă.');
    expect(none).toContain('Adăugați o conexiune');
    const one = render({ connections: [connection()] }, 'en');
    expect(visibleText(one)).toContain('Add a connection');
    expect(one).toContain('>Connect bank</button>');
  });

  it('a revoked consent cannot be revoked again and shows its end date, not a countdown', () => {
    const html = render({ connections: [connection({ status: 'revoked', consentStatus: 'revokedByPsu', validUntil: '2026-05-20', daysLeft: 80 })] });
    expect(html).toMatch(/<button type="button" aria-describedby="[^"]+" disabled="">Revocă<\/button>/);
    expect(visibleText(html)).toContain('Valabil până la 20.05.2026');
    expect(visibleText(html)).not.toContain('mai sunt');
  });
});
