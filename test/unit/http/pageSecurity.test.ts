import { createHash } from 'node:crypto';
import { escapeHtml, renderPage } from '../../../src/http/pageSecurity';

/** How a page and its policy are decided. */
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('escapeHtml', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' autofocus onfocus='x", '&#39; autofocus onfocus=&#39;x'],
    ['&lt;', '&amp;lt;'],
    ['plain', 'plain'],
  ])('%s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('renderPage', () => {
  const parts = { title: '<t>', body: '<p>x</p>', data: { endpoint: '"><script>x</script>' }, script: 'go();', style: 'p{}' };

  it('allows exactly its own script and style, by hash, and nothing inline besides', () => {
    const { policy } = renderPage(parts);
    expect(policy).toBe(
      `default-src 'none'; script-src ${sha('go();')}; style-src ${sha('p{}')}; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
  });

  it('escapes the title and the data attributes', () => {
    const { html } = renderPage(parts);
    expect(html).toContain('<title>&lt;t&gt;</title>');
    expect(html).toContain('<body data-endpoint="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('loads the allowed script files before its own script, and allows the frames and style attributes named', () => {
    const { html, policy } = renderPage({ ...parts, allow: { scripts: ['https://cdn.example/a.js'], frames: ['https://frame.example'], styleAttributes: ['height: 1px;'] } });
    expect(html).toContain('<script src="https://cdn.example/a.js"></script>\n<script>go();</script>');
    expect(policy).toContain(`script-src ${sha('go();')} https://cdn.example/a.js;`);
    expect(policy).toContain(`style-src ${sha('p{}')} 'unsafe-hashes' ${sha('height: 1px;')};`);
    expect(policy).toContain('frame-src https://frame.example;');
  });

  it.each(['x</script>', 'x</SCRIPT >'])('refuses a script that would close its element: %s', (script) => {
    expect(() => renderPage({ ...parts, script })).toThrow('must not close its element');
  });
});
