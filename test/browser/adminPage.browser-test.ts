/**
 * The admin page in a real browser (Debian's chromium driven by playwright-core) against a real
 * gateway: public listener and internal listener on loopback ports, a fresh test database.
 * Run with `npm run test:browser`; it is not part of `npm test`.
 *
 * The tests share one page and run in order, like a person working through the page: connect,
 * create a key, copy it, use it, get a rule refused, regenerate, remove.
 */
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { generateAdminToken } from '../../src/internal/adminToken';
import { buildInternalServer } from '../../src/internal/buildInternalServer';
import { fixtureContentType } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { baseUrl, launchChromium } from './browserKit';

jest.setTimeout(60_000);

describe('admin page in Chromium', () => {
  const adminToken = generateAdminToken();
  let t: TestGateway;
  let internal: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let publicBase: string;
  let internalBase: string;
  let accountId: string;
  let screenshotDir: string;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const requestedUrls: string[] = [];
  const secrets: string[] = [];

  /** `{ categoryList { id } }` on the public API with a key. */
  const publicCategoryList = async (key: string) => {
    const response = await fetch(`${publicBase}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': key },
      body: JSON.stringify({ query: '{ categoryList { id } }' }),
    });
    return { status: response.status, body: (await response.json()) as { data?: { categoryList?: { id: string }[] } } };
  };

  /** The internal API, straight (to check what the page saved). */
  const internalQuery = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${internalBase}/internal/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: any };
  };

  const keyPanel = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const secretField = (panel: Locator): Locator => panel.getByRole('textbox', { name: 'Secret', exact: true });
  /** Answers the next dialog; resolves to "type: message" (asserted by the caller). */
  const answerNextDialog = (accept: boolean) =>
    new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(`${dialog.type()}: ${dialog.message()}`);
        void (accept ? dialog.accept() : dialog.dismiss());
      }),
    );

  beforeAll(async () => {
    t = await startTestGateway({ env: { PLANS_JSON: '{}' } }); // the default plans
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    publicBase = baseUrl(t.app);
    internal = await buildInternalServer(t.gateway, adminToken);
    await internal.listen({ host: '127.0.0.1', port: 0 });
    internalBase = baseUrl(internal);

    const account = await t.createAccount('Browser test account');
    accountId = account.accountId;
    secrets.push(account.rw, account.ro);
    const content = t.gateway.content(accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.objects.create('category', { id: 'category-news', name: 'News' });

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: internalBase });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('request', (request) => requestedUrls.push(request.url()));
    screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contentgate-admin-page-'));
  });

  afterAll(async () => {
    await browser?.close();
    await internal?.close();
    await t?.close();
  });

  it('serves one self-contained page and refuses a wrong admin token with "Unauthorized"', async () => {
    const response = await page.goto(`${internalBase}/admin`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^' ]+'; style-src 'sha256-[^' ]+';/);
    await expect(page.title()).resolves.toBe('contentgate admin');

    await page.getByLabel('Admin token', { exact: true }).fill('cgadm_not-the-token');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('alert').filter({ hasText: 'Unauthorized' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Account' }).isVisible()).toBe(false);
    await expect(page.evaluate('sessionStorage.length')).resolves.toBe(0);
  });

  it('connects with the token (kept in session storage) and lists the masked application keys', async () => {
    await page.getByLabel('Admin token', { exact: true }).fill(adminToken);
    await page.getByRole('button', { name: 'Connect' }).click();
    const picker = page.getByRole('combobox', { name: 'Account' });
    await picker.waitFor();
    // Only one account: it is picked by itself; picking it again is harmless.
    await picker.selectOption(accountId);
    await page.getByRole('heading', { name: 'Keys', exact: true }).waitFor();
    await expect(page.evaluate('sessionStorage.getItem("contentgate.adminToken")')).resolves.toBe(adminToken);

    const masked = await page.getByLabel('Masked key').allTextContents();
    expect(masked).toHaveLength(2);
    const body = await page.locator('body').innerText();
    for (const secret of secrets) {
      expect(masked.some((text) => text.endsWith(secret.slice(-4)))).toBe(true);
      expect(body).not.toContain(secret);
    }
    expect(await page.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
  });

  it('creates "Browser key" with a rule; Copy puts its secret on the clipboard and the public API accepts it', async () => {
    const form = page.getByRole('form', { name: 'New key' });
    await form.getByLabel('Name', { exact: true }).fill('Browser key');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rule = form.getByRole('group', { name: 'Rule 1', exact: true });
    await rule.getByRole('combobox', { name: 'Content type' }).selectOption('category');
    await rule.getByRole('checkbox', { name: 'Read', exact: true }).check();
    await form.getByRole('button', { name: 'Create key' }).click();

    const panel = keyPanel('Browser key');
    await panel.getByText('Key created.').waitFor();
    const shownOnce = await secretField(panel).inputValue();
    expect(shownOnce).not.toBe('');
    await expect(form.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('');

    await panel.getByRole('button', { name: 'Copy' }).click();
    await panel.getByText('Secret copied to the clipboard.').waitFor();
    const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toBe(shownOnce);
    expect(await secretField(panel).isVisible()).toBe(false);
    secrets.push(copied);

    const used = await publicCategoryList(copied);
    expect(used).toEqual({ status: 200, body: { data: { categoryList: [{ id: 'category-news' }] } } });

    await panel.getByRole('button', { name: 'QR code' }).click();
    const qr = panel.getByRole('img', { name: 'QR code of the secret of Browser key' });
    await qr.waitFor();
    // The SVG decodes as an image under the page's CSP (img-src data:).
    await expect(qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBeGreaterThan(0);

    await panel.getByRole('group', { name: 'Rule 1', exact: true }).getByText('Field rights').click();
    const screenshot = path.join(screenshotDir, 'admin-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    process.stdout.write(`admin page screenshot: ${screenshot}\n`);
    await panel.getByRole('button', { name: 'QR code' }).click();
    expect(await qr.count()).toBe(0);
  });

  it('shows the server\'s field errors next to the rule, then saves field rights', async () => {
    const panel = keyPanel('Browser key');
    await panel.getByRole('button', { name: 'Add rule' }).click();
    await panel.getByRole('group', { name: 'Rule 2', exact: true }).getByRole('combobox', { name: 'Content type' }).selectOption('category');
    await panel.getByRole('button', { name: 'Save' }).click();
    const alert = panel.getByRole('alert');
    await alert.getByText('Rule 2, content type: There is already a rule for category').waitFor();
    await expect(panel.getByRole('group', { name: 'Rule 2', exact: true }).getByText('There is already a rule for category').isVisible()).resolves.toBe(true);

    await panel.getByRole('group', { name: 'Rule 2', exact: true }).getByRole('button', { name: 'Remove rule' }).click();
    const rule = panel.getByRole('group', { name: 'Rule 1', exact: true });
    await rule.getByRole('checkbox', { name: 'Create', exact: true }).check();
    await rule.getByRole('combobox', { name: 'Update of field name' }).selectOption('deny');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Saved.').waitFor();
    expect(await alert.isVisible()).toBe(false);

    const stored = await internalQuery('query($id: ID!) { account(id: $id) { keys { name rules { contentTypeDefinitionName canRead canCreate canUpdate canDelete fields { field read create update } } } } }', { id: accountId });
    expect(stored.data.account.keys.find((key: { name: string }) => key.name === 'Browser key').rules).toEqual([
      { contentTypeDefinitionName: 'category', canRead: true, canCreate: true, canUpdate: false, canDelete: false, fields: [{ field: 'name', read: null, create: null, update: false }] },
    ]);
  });

  it('regenerates only after confirmation: the old secret gets 401, the new one works', async () => {
    const panel = keyPanel('Browser key');
    const [oldSecret] = secrets.slice(-1);

    const dismissed = answerNextDialog(false);
    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await expect(dismissed).resolves.toBe('confirm: Regenerate the secret of "Browser key"? The current secret stops working at once.');
    await expect(publicCategoryList(oldSecret)).resolves.toMatchObject({ status: 200 });

    const accepted = answerNextDialog(true);
    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await expect(accepted).resolves.toMatch(/^confirm: Regenerate the secret of "Browser key"\?/);
    await panel.getByText('Secret regenerated.').waitFor();
    const newSecret = await secretField(panel).inputValue();
    expect(newSecret).not.toBe('');
    expect(newSecret).not.toBe(oldSecret);
    secrets.push(newSecret);
    await expect(panel.getByLabel('Masked key').textContent()).resolves.toMatch(new RegExp(`${newSecret.slice(-4)}$`));

    expect((await publicCategoryList(oldSecret)).status).toBe(401);
    await expect(publicCategoryList(newSecret)).resolves.toEqual({ status: 200, body: { data: { categoryList: [{ id: 'category-news' }] } } });
  });

  it('shows the plan and the usage: calls per day as an SVG chart, per key with refusals and last use', async () => {
    await t.app.quotaRuntime!.tick(); // the calls above, flushed
    const expected = (await internalQuery('query($id: ID!) { account(id: $id) { usage { calls keys { name calls } } } }', { id: accountId })).data.account.usage;
    expect(expected.keys.find((key: { name: string }) => key.name === 'Browser key').calls).toBe(3); // two with the first secret, one with the new
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    const usage = page.getByRole('region', { name: 'Plan and usage' });
    await usage.getByText('Plan free: 100,000 calls per 30 days (99,997 left), burst 20 calls per second, 5 user-defined keys.').waitFor();
    await expect(usage.locator('#usage-totals').textContent()).resolves.toMatch(/: 3 calls, 0 refused over the burst \(429\), 0 refused over the quota \(403\)\.$/);
    const chart = usage.getByRole('img', { name: 'Calls per day of the account', exact: false });
    await expect(chart.evaluate((node) => node.namespaceURI)).resolves.toBe('http://www.w3.org/2000/svg');
    const bars = await chart.locator('rect').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-calls'))));
    expect(bars).toHaveLength(30);
    expect(bars.slice(-1)).toEqual([expected.calls]);
    expect(bars.slice(0, -1).every((calls) => calls === 0)).toBe(true);

    const row = usage.getByRole('row', { name: /^Browser key/ });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['3', '0', '0']);
    expect(cells[3]).not.toBe('never');
    await expect(row.getByRole('img').getAttribute('aria-label')).resolves.toBe('Calls per day of Browser key: 3 in all');
    const unused = await usage.getByRole('row', { name: /^Read only API KEY/ }).getByRole('cell').allTextContents();
    expect(unused.slice(0, 4)).toEqual(['0', '0', '0', 'never']);
    await page.screenshot({ path: path.join(screenshotDir, 'admin-page-usage.png'), fullPage: true });
  });

  it('removes the user key after confirmation', async () => {
    const panel = keyPanel('Browser key');
    const accepted = answerNextDialog(true);
    await panel.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(accepted).resolves.toMatch(/^confirm: Remove the key "Browser key"\?/);
    await page.getByText('Key "Browser key" removed.').waitFor();
    expect(await panel.count()).toBe(0);
    expect((await publicCategoryList(secrets[secrets.length - 1])).status).toBe(401);
  });

  it('shows the secret in a selected field when the clipboard is unavailable', async () => {
    await page.evaluate('Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true })');
    const panel = keyPanel('Read only API KEY');
    await panel.getByRole('button', { name: 'Copy' }).click();
    await panel.getByText('Copy the secret from the field.').waitFor();
    await expect(secretField(panel).inputValue()).resolves.toBe(secrets[1]);
    await panel.getByRole('button', { name: 'Hide secret' }).click();
    expect(await secretField(panel).isVisible()).toBe(false);
  });

  it('never put a secret into a URL and ran without script errors or CSP violations', async () => {
    expect(page.url()).toBe(`${internalBase}/admin`);
    for (const url of requestedUrls) {
      expect(url).not.toContain(adminToken);
      for (const secret of secrets) expect(url).not.toContain(secret);
    }
    expect(pageErrors).toEqual([]);
    // The only expected console error is the 401 of the wrong token.
    expect(consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });
});
