import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../bridge/fake-bridge.js';
import { createI18n } from '../../i18n/i18n.js';
import { createAppStore } from '../../store/app-store.js';
import { AppProviders } from '../../ui/app-providers.js';
import { PemFileField, TextField } from './wizard-fields.js';

const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(AppProviders, { store: createAppStore(createFakeBridge().bridge), i18n: createI18n('ro'), children: element }));
const onChange = () => {};
/**
 * The markup as the browser reads it: the ids React gives (`«r0»`, `:r0:`) named by their place,
 * and each element's attributes in one order, which carries no meaning.
 */
const normal = (html: string) => {
  const seen = new Map<string, string>();
  const named = html.replace(/(?<= )(id|for|aria-describedby)="([^"]*)"/g, (_, attr: string, value: string) =>
    `${attr}="${value.split(' ').map((id) => seen.get(id) ?? (seen.set(id, `id${seen.size}`), `id${seen.size - 1}`)).join(' ')}"`);
  return named.replace(/<(\w+)((?: [\w-]+="[^"]*")*)(\/?)>/g, (_, tag: string, attrs: string, end: string) =>
    `<${tag}${(attrs.match(/ [\w-]+="[^"]*"/g) ?? []).sort().join('')}${end}>`);
};

describe('the wizard’s fields', () => {
  it('a text field: its label tied to the input, the hint read with it, no problem shown before the person types or tries', () => {
    const html = normal(render(createElement(TextField, { label: 'Client ID', hint: 'Din portalul băncii', value: '', problem: { kind: 'required' }, showProblem: false, onChange })));
    expect(html).toBe(normal('<div class="field wizard-field"><label for="id0">Client ID</label><p id="id1" class="hint">Din portalul băncii</p>'
      + '<input id="id0" type="text" autoComplete="off" spellCheck="false" aria-invalid="false" aria-describedby="id1" value=""/></div>'));
  });

  it('a text field tried with a problem: marked invalid, the problem in words under it and read with the hint', () => {
    const html = normal(render(createElement(TextField, { label: 'Parola', hint: 'Cel puțin 8', value: 'scurt', problem: { kind: 'password', min: 8 }, showProblem: true, optional: true, type: 'password', autoComplete: 'new-password', onChange })));
    expect(html).toBe(normal('<div class="field wizard-field"><label for="id0">Parola<span class="hint"> (opțional)</span></label><p id="id1" class="hint">Cel puțin 8</p>'
      + '<input id="id0" type="password" autoComplete="new-password" spellCheck="false" aria-invalid="true" aria-describedby="id1 id2" value="scurt"/>'
      + '<p id="id2" class="field-problem" role="alert">Parola trebuie să aibă cel puțin 8 caractere.</p></div>'));
  });

  it('a PEM field tried with a problem and no hint: a file input that takes PEM files, the problem its only description', () => {
    const html = normal(render(createElement(PemFileField, { label: 'Certificatul', value: '', problem: { kind: 'certificate' }, showProblem: true, onChange })));
    expect(html).toBe(normal('<div class="field wizard-field"><label for="id0">Certificatul</label>'
      + '<input id="id0" type="file" accept=".pem,.crt,.cer,.key,application/x-pem-file,text/plain" aria-invalid="true" aria-describedby="id1"/>'
      + '<p id="id1" class="field-problem" role="alert">Nu este un certificat PEM: fișierul trebuie să înceapă cu -----BEGIN CERTIFICATE-----.</p></div>'));
  });
});
