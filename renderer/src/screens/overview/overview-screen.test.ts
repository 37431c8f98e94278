import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../common/contract.js';
import { account, connection } from '../../store/test-fixtures.js';
import { renderWith, visibleText } from '../../ui/render-for-test.js';
import { OverviewScreen } from './overview-screen.js';

const sandbox: ProfileView = { id: 'sandbox', kind: 'sandbox', displayName: 'Banca demo (sandbox)', simulator: true };
const cec: ProfileView = { id: 'cec', kind: 'cec-production', displayName: 'CEC Bank', clientId: 'abc' };
const loaded = { connectionsLoaded: true, accountsLoaded: true };
const render = (state: Parameters<typeof renderWith>[0]) => renderWith({ ...loaded, ...state }, createElement(OverviewScreen));

describe('the overview', () => {
  it('on the first run welcomes with the demo bank as the default, and CEC through the wizard when no production profile exists', () => {
    const html = render({ profiles: [sandbox], connections: [] });
    expect(visibleText(html)).toContain('Bun venit în Conturi');
    expect(html).toMatch(/<button type="button" class="primary">Încercați banca demo<\/button>/);
    expect(html).toContain('href="/connect/cec"');
    expect(html).not.toContain('Prezentare generală');
  });

  it('on the first run with a production profile, "Conectați CEC Bank" is a button that signs in, not the wizard', () => {
    const html = render({ profiles: [sandbox, cec], connections: [] });
    expect(html).not.toContain('href="/connect/cec"');
    expect(html).toMatch(/<button type="button">Conectați CEC Bank<\/button>/);
  });

  it('signs in with the vendor profile a published build carries, before any other production profile', async () => {
    const { cecProfile } = await import('../welcome/welcome-screen.js');
    const vendor: ProfileView = { id: 'vendor', kind: 'cec-production', displayName: 'CEC Bank', vendor: true };
    expect(cecProfile([sandbox, cec, vendor])?.id).toBe('vendor');
    expect(cecProfile([sandbox, cec])?.id).toBe('cec');
    expect(cecProfile([sandbox])).toBeUndefined();
  });

  it('groups accounts by bank, then consent; names each by product and IBAN, never the customer number; labels balances; links to the account', () => {
    const html = render({
      profiles: [sandbox, cec],
      connections: [connection({ id: 'c1', label: 'Ana' }), connection({ id: 'c2', label: 'Ion', profileId: 'cec' })],
      accounts: [
        account({ connectionId: 'c1', name: '0012345', product: 'Cont curent' }),
        account({ connectionId: 'c2', id: 'RO22CECE0000000000000002-EUR', iban: 'RO22CECE0000000000000002', currency: 'EUR', name: '0012345', product: 'Cont economii', balances: [] }),
      ],
    });
    const text = visibleText(html);
    expect(text).toMatch(/Banca demo \(sandbox\) Ana activ Cont curent RO49 CECE 0000 0000 0000 0001 Sold contabil 12\.345,67 RON Disponibil 12\.000,00 RON/);
    expect(text).toMatch(/CEC Bank Ion activ Cont economii RO22 CECE 0000 0000 0000 0002 Sold necunoscut încă/);
    expect(text).not.toContain('0012345');
    expect(html).toContain('href="/accounts/RO49CECE0000000000000001-RON"');
    expect(html).toContain('aria-label="Conturi la CEC Bank"');
  });

  it('shows the totals per currency and the last sync; skeletons while the first read runs', () => {
    const html = render({
      connections: [connection()],
      accountsLoaded: false,
      totals: {
        totals: [
          { currency: 'EUR', amount: '250.5', accounts: [{ accountId: 'e', type: 'interimAvailable', amount: '250.5', referenceDate: '2026-03-01' }] },
          { currency: 'RON', amount: '1234.56', accounts: [{ accountId: 'a', type: 'interimAvailable', amount: '1000', referenceDate: '2026-03-01' }, { accountId: 'b', type: 'closingBooked', amount: '234.56', referenceDate: '2026-03-01' }] },
        ],
        syncedAt: '2026-03-01T10:05:00Z',
      },
    });
    const text = visibleText(html);
    expect(text).toContain('EUR din 1 cont 250,50 EUR');
    expect(text).toContain('RON din 2 conturi 1.234,56 RON');
    expect(text).toMatch(/Ultima sincronizare: 01\.03\.2026, \d\d:05/);
    expect(html).toContain('skeleton skeleton-account');
    expect(html).toContain('skeleton skeleton-row');
  });

  it('says what to do when nothing is there yet: no account, no totals, no transaction', () => {
    const text = visibleText(render({ connections: [connection()], totals: { totals: [] }, recent: [] }));
    expect(text).toContain('Nu s-a primit încă niciun cont prin această conexiune. Apăsați „Sincronizează”');
    expect(text).toContain('Totalurile apar după prima sincronizare.');
    expect(text).toContain('Nicio tranzacție salvată încă.');
  });

  it('raises a banner with Renew for a consent ending within 14 days and for an expired one, none for a healthy one', () => {
    const html = render({
      connections: [
        connection({ id: 'c1', label: 'Ana', status: 'expiring', daysLeft: 3 }),
        connection({ id: 'c2', label: 'Ion', status: 'expired', daysLeft: undefined }),
        connection({ id: 'c3', label: 'Maria', status: 'active', daysLeft: 60 }),
      ],
    });
    const text = visibleText(html);
    expect(text).toContain('Acordul „Ana” expiră peste 3 zile. Reînnoiește');
    expect(text).toContain('Acordul „Ion” a expirat. Conturile lui nu se mai actualizează. Reînnoiește');
    expect(text).not.toContain('„Maria”');
  });

  it('names the next automatic update when the bank’s daily budget deferred accounts', () => {
    const at = new Date();
    at.setHours(18, 0, 0, 0);
    const html = render({
      connections: [connection()],
      syncStatus: { running: false, intervalHours: 6, nextRunAt: at.toISOString() },
      lastSyncSummary: {
        runId: 1, trigger: 'schedule', startedAt: at.toISOString(), finishedAt: at.toISOString(), outcome: 'partial', requests: 1, stored: 0, skippedConnections: [],
        accounts: [{ connectionId: 'c1', accountId: 'a', outcome: 'deferred', stored: 0, skipped: [], pages: 0, nextAttemptAt: at.toISOString() }],
      },
    });
    expect(visibleText(html)).toContain('la următoarea actualizare automată, la 18:00');
  });

  it('keeps a failed connection’s saved accounts, with the offline state and the age of what is shown', () => {
    const syncedAt = new Date(Date.now() - 7 * 60_000).toISOString();
    const html = render({
      connections: [connection()],
      accounts: [account({ syncedAt })],
      accountFailures: [{ connectionId: 'c1', state: 'offline', error: { code: 'SYNC_FAILED', state: 'offline', message: 'connect ECONNREFUSED', retryable: true } }],
    });
    const text = visibleText(html);
    expect(text).toContain('Banca nu răspunde. Verificați conexiunea la internet. Se arată datele salvate, sincronizate acum 7 minute.');
    expect(text).toContain('RO49 CECE 0000 0000 0000 0001');
  });
});

describe('a connection that no longer reads', () => {
  it('expired: says so with Reconnect; revoked: says its data is saved, without claiming it expired', () => {
    const text = visibleText(render({
      connections: [connection({ id: 'c1', label: 'Ana', status: 'expired' }), connection({ id: 'c2', label: 'Ion', status: 'revoked', consentStatus: 'revokedByPsu' })],
      accounts: [account({ connectionId: 'c1' }), account({ connectionId: 'c2', readable: false })],
    }));
    expect(text).toContain('Ana expirat Acordul dat băncii a expirat. Reînnoiți-l pentru a vedea conturile. Reconectați');
    expect(text).toContain('Ion revocat Banca nu mai poate fi citită prin această conexiune; se arată datele salvate.');
    expect(text.match(/a expirat\. Reînnoiți/g)).toHaveLength(1);
  });
});
