/**
 * "CEC Bank - Authorization Platform": the PSU logs in with the CEConline user and the
 * one-time access code of the token device or eToken app (guide §2.1.2, §2.2.3; spec §2.2).
 */
import { errorAlert, postForm, type FormTarget } from './form-parts.js';
import { html, renderDocument } from './layout.js';

/** Inputs of the login page; the form posts `username` and `accessCode`. */
export interface LoginPageOptions extends FormTarget {
  appName: string;
  error?: string;
  /** Prefilled after a failed attempt so only the code must be typed again. */
  username?: string;
}

/** Renders the bank's login page as a complete HTML document. */
export function renderLoginPage(o: LoginPageOptions): string {
  const hasUser = Boolean(o.username);
  const fields = html`<div class="field">
<label for="username">User CEConline</label>
<input type="text" id="username" name="username" value="${o.username ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required${hasUser ? false : html` autofocus`}>
</div>
<div class="field">
<label for="accessCode">Cod acces</label>
<input type="password" id="accessCode" name="accessCode" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required aria-describedby="login-help"${hasUser ? html` autofocus` : false}>
</div>
<div class="actions stretch"><button type="submit" class="primary">Login</button></div>`;

  const main = html`<h1>CEC Bank - Authorization Platform</h1>
<p class="muted">Autentificare solicitata de aplicatia "${o.appName}".</p>
${errorAlert(o.error)}
${postForm(o, fields)}
<p class="muted" id="login-help">Introduceti Numele dvs de utilizator din aplicatia CEConline si Codul de acces generat de dispozitivul de autentificare.</p>`;

  return renderDocument({ nonce: o.nonce, title: 'CEC Bank - Authorization Platform', main });
}
