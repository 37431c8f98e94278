import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../common/contract.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from '../store/app-store.js';
import { strings } from '../strings.js';
import { ConnectForm } from './connect-form.js';
import { StoreProvider } from './store-context.js';

const render = (profiles: ProfileView[]) => {
  const store = createAppStore(createFakeBridge().bridge);
  // Server rendering reads a zustand store's initial state (no DOM in this test): put the profiles there.
  Object.assign(store.getInitialState(), { profiles });
  return renderToStaticMarkup(createElement(StoreProvider, { store, children: createElement(ConnectForm) }));
};

describe('ConnectForm', () => {
  it('labels a simulator profile loudly, in the list and beside the button', () => {
    const html = render([{ id: 'sim', kind: 'cec-production', displayName: 'CEC Bank (sim)', baseUrl: 'http://127.0.0.1:9000/cec/prod', simulator: true }]);
    expect(html).toContain(`${strings.simulatorTag}: CEC Bank (sim)`);
    expect(html).toContain(strings.simulatorWarning);
  });

  it('says nothing of the kind for a bank', () => {
    const html = render([{ id: 'cec', kind: 'cec-production', displayName: 'CEC Bank (cec)', baseUrl: 'https://api.cec.ro/cec/prod' }]);
    expect(html).not.toContain(strings.simulatorTag);
    expect(html).not.toContain(strings.simulatorWarning);
  });
});
