import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../common/contract.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from '../store/app-store.js';
import { createI18n } from '../i18n/i18n.js';
import { connections as ro } from '../i18n/locales/ro/connections.js';
import { AppProviders } from './app-providers.js';
import { ConnectForm } from './connect-form.js';

const render = (profiles: ProfileView[]) => {
  const store = createAppStore(createFakeBridge().bridge);
  // Server rendering reads a zustand store's initial state (no DOM in this test): put the profiles there.
  Object.assign(store.getInitialState(), { profiles });
  return renderToStaticMarkup(createElement(AppProviders, { store, i18n: createI18n('ro'), children: createElement(ConnectForm) }));
};

describe('ConnectForm', () => {
  it('labels a simulator profile loudly, in the list and beside the button', () => {
    const html = render([{ id: 'sim', kind: 'cec-production', displayName: 'CEC Bank (sim)', baseUrl: 'http://127.0.0.1:9000/cec/prod', simulator: true }]);
    expect(html).toContain(`${ro.simulatorTag}: CEC Bank (sim)`);
    expect(html).toContain(ro.simulatorWarning);
  });

  it('says nothing of the kind for a bank', () => {
    const html = render([{ id: 'cec', kind: 'cec-production', displayName: 'CEC Bank (cec)', baseUrl: 'https://api.cec.ro/cec/prod' }]);
    expect(html).not.toContain(ro.simulatorTag);
    expect(html).not.toContain(ro.simulatorWarning);
  });
});
