import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../common/contract.js';
import type { Connection } from '../../../../common/domain.js';
import { renderScreen } from '../render-for-test.js';
import { DataSection } from './data-section.js';
import { ProfilesSection } from './profiles-section.js';
import { SyncPreferences } from './sync-preferences.js';

const settings = { authorizationMode: 'window', autoSyncHours: 6, language: 'en', theme: 'dark' } as const;
const checked = (html: string) => [...html.matchAll(/<input type="radio"[^>]*checked=""[^>]*value="([^"]+)"/g)].map((m) => m[1]);

describe('Settings', () => {
  it('language, theme and where the bank’s page opens, each with the saved choice checked', () => {
    const html = renderScreen(createElement(SyncPreferences), { state: { settings } });
    expect(checked(html)).toEqual(['en', 'dark', 'window']);
    for (const label of ['Română', 'English', 'Limba sistemului', 'Luminos', 'Întunecat', 'Ca sistemul', 'În browserul sistemului']) expect(html).toContain(label);
  });

  it('offers off and 1–24 hours for the automatic update and shows the saved interval', () => {
    const html = renderScreen(createElement(SyncPreferences), { state: { settings } });
    const options = [...html.matchAll(/<option value="(\d+)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [m[1], m[3], m[2] !== undefined]);
    expect(options).toEqual([
      ['0', 'oprită', false], ['1', 'la fiecare oră', false], ['2', 'la fiecare 2 ore', false], ['3', 'la fiecare 3 ore', false], ['4', 'la fiecare 4 ore', false],
      ['6', 'la fiecare 6 ore', true], ['8', 'la fiecare 8 ore', false], ['12', 'la fiecare 12 ore', false], ['24', 'la fiecare 24 de ore', false],
    ]);
  });

  it('a production profile shows its credentials’ state, never a secret; a vendor or used one cannot be removed', () => {
    const profiles: ProfileView[] = [
      { id: 'sandbox', kind: 'sandbox', displayName: 'Banca demo' },
      { id: 'cec', kind: 'cec-production', displayName: 'CEC Bank', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'client-42' },
      { id: 'vendor', kind: 'cec-production', displayName: 'CEC Bank (aplicație)', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'v-1', vendor: true },
      { id: 'used', kind: 'cec-production', displayName: 'CEC folosit', baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'u-1' },
    ];
    const certificate = { subject: 'CN=Conturi TPP,O=Conturi', issuer: 'CN=QTSP', validFrom: '2026-01-01T00:00:00Z', validTo: '2025-01-01T00:00:00Z', expired: true };
    const html = renderScreen(createElement(ProfilesSection), {
      state: {
        profiles,
        connections: [{ id: 'c1', profileId: 'used' } as Connection],
        profileCredentials: {
          cec: { profileId: 'cec', clientSecret: 'stored', certificate, qwac: { ...certificate, expired: false, validTo: '2027-06-01T00:00:00Z', keyAvailable: false } },
          vendor: { profileId: 'vendor', clientSecret: 'none', certificate: { ...certificate, expired: false } },
        },
      },
    });
    expect(html).toContain('client-42');
    expect(html).toContain('păstrat în depozitul de chei al sistemului');
    expect(html).toContain('niciunul (client public, cu PKCE)');
    expect(html).toContain('CN=Conturi TPP,O=Conturi');
    expect(html).toMatch(/expirat la [^<]+: banca refuză cererile semnate cu el/);
    expect(html).toContain('lipsește: salvați profilul din nou cu cheia');
    expect(html).toContain('Folosit de o conexiune');
    // One Remove button: the profile the person saved and no connection uses.
    expect(html.match(/>Elimină profilul</g)).toHaveLength(1);
    expect(html).toContain('href="#/connect/cec"');
  });

  it('where the data lives, the log file, and why a vendor profile is not used', () => {
    const html = renderScreen(createElement(DataSection), {
      state: { appInfo: { ephemeral: false, reason: null, dataDir: '/home/ana/.config/conturi', locked: false, logFile: '/home/ana/.config/conturi/logs/conturi.log', vendorProfile: { source: '/opt/conturi/vendor.json', problem: 'certificate unreadable' } } },
    });
    expect(html).toContain('<code>/home/ana/.config/conturi</code>');
    expect(html).toContain('<code>/home/ana/.config/conturi/logs/conturi.log</code>');
    expect(html).toContain('nu este folosit: certificate unreadable');
  });
});

describe('setPreference', () => {
  it('applies the choice before the host answers, keeps the host’s answer, and goes back when refused', async () => {
    const { createFakeBridge } = await import('../../bridge/fake-bridge.js');
    const { createAppStore } = await import('../../store/app-store.js');
    let answer: (value: unknown) => void = () => {};
    const fake = createFakeBridge({ 'settings:set': () => new Promise((resolve) => { answer = resolve as (value: unknown) => void; }) });
    const store = createAppStore(fake.bridge);
    store.setState({ settings });
    const saved = store.getState().setPreference({ language: 'ro' });
    expect(store.getState().settings?.language).toBe('ro');
    answer({ ok: false, error: { code: 'X', state: 'failed', message: 'no', retryable: false } });
    expect(await saved).toBe(false);
    expect(store.getState().settings?.language).toBe('en');
  });
});
