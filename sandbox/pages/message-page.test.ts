import { describe, expect, it } from 'vitest';
import { renderMessagePage } from './message-page.js';
import { escapedHostile, hostile } from './test-helpers.js';

describe('renderMessagePage', () => {
  it('announces an error in an alert under the title', () => {
    const page = renderMessagePage({ nonce: 'n', title: 'Eroare', message: 'redirect_uri neinregistrat', tone: 'error' });
    expect(page).toContain('<h1>Eroare</h1>');
    expect(page).toContain('<p class="alert" role="alert">redirect_uri neinregistrat</p>');
  });

  it('shows information without an alert', () => {
    const page = renderMessagePage({ nonce: 'n', title: 'Cont activat', message: 'Contul a fost activat.', tone: 'info' });
    expect(page).toContain('<p class="info">Contul a fost activat.</p>');
    expect(page).not.toContain('role="alert"');
  });

  it('escapes the title and the message', () => {
    const page = renderMessagePage({ nonce: 'n', title: hostile('title'), message: hostile('message'), tone: 'error' });
    for (const field of ['title', 'message']) {
      expect(page).toContain(escapedHostile(field));
      expect(page).not.toContain(hostile(field));
    }
  });
});
