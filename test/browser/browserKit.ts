import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Helpers shared by the browser tests: Debian's chromium, headless, and the URL of a listening server. */

const CHROMIUM = '/usr/bin/chromium';

/** Launches Debian's chromium headless; fails with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium. Run \`apt-get install -y chromium\` (as root) and try again.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
}

/** `http://127.0.0.1:<port>` of a listening fastify server. */
export function baseUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('not listening');
  return `http://127.0.0.1:${address.port}`;
}
