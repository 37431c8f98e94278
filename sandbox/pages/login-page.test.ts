import { describe, expect, it } from 'vitest';
import { renderLoginPage } from './login-page.js';
import { attr, controlLabelled, escapedHostile, hostile, tags } from './test-helpers.js';

const base = { action: '/oauthcec/oauth2/authorize/login', hidden: { flow: 'f1' }, nonce: 'N0nce', appName: 'Conturi' };

describe('renderLoginPage', () => {
  it('shows the guide heading, help text and Login button', () => {
    const page = renderLoginPage(base);
    expect(page).toContain('<h1>CEC Bank - Authorization Platform</h1>');
    expect(page).toContain(
      'Introduceti Numele dvs de utilizator din aplicatia CEConline si Codul de acces generat de dispozitivul de autentificare.',
    );
    expect(page).toMatch(/<button type="submit"[^>]*>Login<\/button>/);
    expect(page).toMatch(/^<!doctype html>\n<html lang="ro">/);
  });

  it('labels the username field "User CEConline" and the code field "Cod acces"', () => {
    const page = renderLoginPage(base);
    const user = controlLabelled(page, 'User CEConline') ?? '';
    expect(attr(user, 'name')).toBe('username');
    expect(attr(user, 'type')).toBe('text');
    const code = controlLabelled(page, 'Cod acces') ?? '';
    expect(attr(code, 'name')).toBe('accessCode');
    expect(attr(code, 'type')).toBe('password');
    expect(attr(code, 'inputmode')).toBe('numeric');
    expect(attr(code, 'autocomplete')).toBe('one-time-code');
    expect(attr(code, 'maxlength')).toBe('6');
  });

  it('posts to the action with every hidden field', () => {
    const page = renderLoginPage({ ...base, hidden: { flow: 'f1', state: 'a b' } });
    expect(page).toContain('<form method="post" action="/oauthcec/oauth2/authorize/login">');
    expect(page).toContain('<input type="hidden" name="flow" value="f1">');
    expect(page).toContain('<input type="hidden" name="state" value="a b">');
  });

  it('prefills the username and moves focus to the code', () => {
    const page = renderLoginPage({ ...base, username: 'demo' });
    const user = controlLabelled(page, 'User CEConline') ?? '';
    expect(attr(user, 'value')).toBe('demo');
    expect(user).not.toContain('autofocus');
    expect(controlLabelled(page, 'Cod acces')).toContain('autofocus');
  });

  it('shows the error in an alert, and no alert without one', () => {
    expect(renderLoginPage({ ...base, error: 'Cod acces invalid' })).toContain(
      '<p class="alert" role="alert" id="form-error">Cod acces invalid</p>',
    );
    expect(renderLoginPage(base)).not.toContain('role="alert"');
  });

  it('escapes the app name, username, error, action and hidden fields', () => {
    const page = renderLoginPage({
      action: hostile('action'),
      hidden: { [hostile('hname')]: hostile('hvalue') },
      nonce: 'N0nce',
      appName: hostile('app'),
      username: hostile('user'),
      error: hostile('error'),
    });
    for (const field of ['action', 'hname', 'hvalue', 'app', 'user', 'error']) {
      expect(page).toContain(escapedHostile(field));
      expect(page).not.toContain(hostile(field));
    }
    expect(tags(page, 'script')).toEqual([]);
  });
});
