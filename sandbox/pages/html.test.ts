import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an already escaped entity again rather than trusting it', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('html', () => {
  it('escapes every interpolated string and number', () => {
    expect(html`<p title="${'"x"'}">${'<b>'}${1}</p>`.toString()).toBe('<p title="&quot;x&quot;">&lt;b&gt;1</p>');
  });

  it('inserts nested html fragments and arrays as markup', () => {
    const items = ['a<', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  });

  it('renders nothing for false, null and undefined so parts can be conditional', () => {
    expect(html`[${false}${null}${undefined}]`.toString()).toBe('[]');
  });

  it('treats only raw() and html fragments as trusted, never a plain string lookalike', () => {
    const fake = { toString: () => '<i>' } as unknown as string;
    expect(html`${raw('<i>')}${fake}`.toString()).toBe('<i>&lt;i&gt;');
  });
});
