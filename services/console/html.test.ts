import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeExternalUrl } from './html.js';

describe('console html', () => {
  it('escapes every interpolation, keeps nested templates, flattens arrays and drops empty values', () => {
    const evil = `<script>alert("x")</script>'\``;
    const inner = html`<b>${evil}</b>`;
    const out = html`<p title="${evil}">${inner}${['a', html`<i>b</i>`, null, undefined, false]}${3}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&#96;"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&#96;</b>a<i>b</i>3</p>',
    );
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('shows bidirectional controls as visible escapes, so a path cannot display reordered', () => {
    expect(escapeHtml('invoice\u202Etxt.exe')).toBe('invoice\\u202etxt.exe');
    expect(html`<code>${'a\u2066b\u2069c\u200f'}</code>`.value).toBe('<code>a\\u2066b\\u2069c\\u200f</code>');
  });

  it('accepts only http(s) URLs without credentials for links', () => {
    expect(safeExternalUrl('https://github.com/acme/w')).toBe('https://github.com/acme/w');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/x', 'https://u:p@github.com/x', 'not a url']) {
      expect(safeExternalUrl(bad)).toBeNull();
    }
  });
});
