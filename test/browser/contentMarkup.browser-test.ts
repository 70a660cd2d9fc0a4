/**
 * Issue #12: markup in content must never run on our origins. In Debian's chromium (playwright-core),
 * against a real gateway, every HTML page and the SDL endpoint are opened with markup in every label,
 * help text, option, object-list field and value they show; any script that ran would open a dialog or
 * mark the page, and every CSP violation is recorded. Apollo's CDN is not reachable here: its script and
 * frame are served by stand-ins that do what the real ones do in our page (an iframe with a `style`
 * attribute, a fetch to the endpoint), at the same URLs, so the Sandbox page's policy is tested as is.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateAdminToken } from '../../src/internal/adminToken';
import { buildInternalServer } from '../../src/internal/buildInternalServer';
import { readUntil } from '../support/eventually';
import { largeDefinition, propertyName } from '../support/largeDefinitions';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { baseUrl, launchChromium } from './browserKit';

jest.setTimeout(60_000);

/** Runs (and opens a dialog) wherever it is parsed as HTML or inserted as markup. */
const MARKUP = `"'><img src=x onerror="alert(document.domain)"><svg onload=alert(2)><script>alert(3)</script>`;
const TITLE = propertyName(0);

const SANDBOX_SCRIPT_URL = 'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';
/** What the real embed does in the host page: an iframe with a style attribute, and requests from the host. */
const SANDBOX_STAND_IN = `window.EmbeddedSandbox = class {
  constructor(options) {
    const frame = document.createElement('iframe');
    frame.src = 'https://sandbox.embed.apollographql.com/sandbox/explorer?endpoint=' + encodeURIComponent(options.initialEndpoint);
    frame.setAttribute('style', 'height: 100%; width: 100%; border: none;');
    document.querySelector(options.target).appendChild(frame);
    window.sandboxAnswer = fetch(options.initialEndpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...options.initialState.sharedHeaders },
      body: JSON.stringify({ query: '{ markedList { ${TITLE} } }' }) }).then((response) => response.json());
  }
};`;

/** Records every CSP violation of a page in `window.violations` (injected before the page's own scripts). */
const RECORD_VIOLATIONS = `window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.effectiveDirective + ' ' + event.blockedURI));`;

describe('markup from content in Chromium', () => {
  const adminToken = generateAdminToken();
  let t: TestGateway;
  let internal: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let publicBase: string;
  let internalBase: string;
  let accountId: string;
  let rw: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  /** A new page that records dialogs, script errors and CSP violations (`window.violations`). */
  const openPage = async (): Promise<Page> => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await page.addInitScript(RECORD_VIOLATIONS);
    return page;
  };
  const violations = (page: Page) => page.evaluate('window.violations') as Promise<string[]>;
  /** Markup inserted by hand runs nothing either: the policy forbids inline handlers (recorded as a violation). */
  const expectInlineHandlersBlocked = async (page: Page) => {
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(MARKUP)})`);
    const blocked = async () => (await violations(page)).some((violation) => violation.startsWith('script-src-attr'));
    await expect(readUntil(blocked, true, 5_000)).resolves.toBe(true);
  };

  beforeAll(async () => {
    t = await startTestGateway();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    publicBase = baseUrl(t.app);
    internal = await buildInternalServer(t.gateway, adminToken);
    await internal.listen({ host: '127.0.0.1', port: 0 });
    internalBase = baseUrl(internal);
    const account = await t.createAccount(`Account ${MARKUP}`);
    ({ accountId, rw } = account);
    const content = t.gateway.content(accountId);
    // Markup in the label, every field label and help text, every option, the object list and its fields.
    const definition = largeDefinition('marked', { properties: 16, depth: 1, options: 3, decoration: MARKUP });
    definition.metaDefinition.propertiesConfig[propertyName(15)] = {
      label: `Labelled ${MARKUP}`,
      inputType: 'select',
      unique: false,
      useOptionsWithLabels: true,
      optionsWithLabels: [{ value: `v ${MARKUP}`, label: `l ${MARKUP}` }],
    };
    definition.schemaDefinition.allOf[1].properties[propertyName(15)] = { type: 'string' };
    await content.contentTypes.create(definition);
    await content.objects.create('marked', { id: 'marked-1', [TITLE]: `Title ${MARKUP}` });

    browser = await launchChromium();
    context = await browser.newContext();
    // Nothing may leave the machine; the two Apollo URLs get stand-ins (routes added later win).
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await context.route(SANDBOX_SCRIPT_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: SANDBOX_STAND_IN }));
    await context.route('https://sandbox.embed.apollographql.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>sandbox</p>' }));
  });

  afterAll(async () => {
    await browser?.close();
    await internal?.close();
    await t?.close();
  });

  it('shows the SDL, opened by a plain link with ?auth_token=, as text: the markup in it stays text', async () => {
    const page = await openPage();
    const response = await page.goto(`${publicBase}/api/graphql/schema?auth_token=${rw}`);
    expect(response?.headers()['content-type']).toBe('text/plain; charset=utf-8');
    await expect(page.evaluate('document.contentType')).resolves.toBe('text/plain');
    const text = await page.locator('body').innerText();
    expect(text).toContain(`Content type: marked${MARKUP} (marked)`);
    expect(text).toContain(`List 1${MARKUP} (an item of marked.`);
    await expect(page.locator('img, svg, script').count()).resolves.toBe(0);
    await expect(violations(page)).resolves.toEqual([]);
    await page.close();
  });

  it('runs the Sandbox page with exactly its CDN script and frame; the stand-in reads markup from the API as data', async () => {
    const page = await openPage();
    await page.goto(`${publicBase}/api/graphql`);
    await page.evaluate(`sessionStorage.setItem('cg-key', ${JSON.stringify(rw)})`);
    await page.reload();
    const frame = page.locator('#sandbox iframe');
    await frame.waitFor();
    // The iframe's style attribute applies (allowed by its hash): no border, full width.
    await expect(page.evaluate(`getComputedStyle(document.querySelector('#sandbox iframe')).borderTopStyle`)).resolves.toBe('none');
    await expect(page.evaluate('window.sandboxAnswer')).resolves.toEqual({
      data: { markedList: [{ [TITLE]: `Title ${MARKUP}` }] },
    });
    await expect(page.locator('#sandbox-offline').isHidden()).resolves.toBe(true);
    await expect(violations(page)).resolves.toEqual([]);
    await expectInlineHandlersBlocked(page);
    await page.close();
  });

  it('shows the offline page\'s results, labels and values with markup, as text', async () => {
    const page = await openPage();
    await page.goto(`${publicBase}/graphiql`);
    await page.getByLabel('API key').fill(rw);
    await page.getByLabel('Query').fill(`{ markedList { ${TITLE} } __type(name: "marked") { description } }`);
    await page.getByRole('button', { name: 'Run' }).click();
    const result = page.getByLabel('Result');
    await result.filter({ hasText: 'markedList' }).waitFor();
    const shown = JSON.parse(await result.innerText());
    expect(shown).toEqual({ data: { markedList: [{ [TITLE]: `Title ${MARKUP}` }], __type: { description: `Content type: marked${MARKUP} (marked)` } } });
    await expect(violations(page)).resolves.toEqual([]);
    await expectInlineHandlersBlocked(page);
    await page.close();
  });

  it('lists the account, the content type label and its fields in the admin page as text', async () => {
    const page = await openPage();
    await page.goto(`${internalBase}/admin`);
    await page.getByLabel('Admin token', { exact: true }).fill(adminToken);
    await page.getByRole('button', { name: 'Connect' }).click();
    const picker = page.getByRole('combobox', { name: 'Account' });
    await picker.waitFor();
    await picker.selectOption(accountId);
    await expect(picker.locator('option:checked').innerText()).resolves.toContain(MARKUP);
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rule = form.getByRole('group', { name: 'Rule 1', exact: true });
    const types = rule.getByRole('combobox', { name: 'Content type' });
    await types.selectOption('marked');
    await expect(types.locator('option:checked').innerText()).resolves.toBe(`marked${MARKUP} (marked)`);
    await rule.getByText('Field rights').click();
    await rule.getByRole('combobox', { name: `Read of field ${TITLE}` }).waitFor();
    // Only the usage charts the page draws itself (svg.chart); nothing from content becomes an element.
    await expect(page.locator('main img, main svg:not(.chart), main script').count()).resolves.toBe(0);
    await expect(violations(page)).resolves.toEqual([]);
    await expectInlineHandlersBlocked(page);
    await page.close();
  });

  it('ran no markup anywhere: no dialog, no script error', () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
