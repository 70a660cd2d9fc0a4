import fs from 'node:fs';
import type { EmbeddedServer } from '../../src/database/embedded/embeddedServer';

/** Stops the embedded test database and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const holder = (globalThis as { __contentgateTestServer?: { server: EmbeddedServer; dataDir: string } }).__contentgateTestServer;
  if (!holder) return;
  await holder.server.stop();
  fs.rmSync(holder.dataDir, { recursive: true, force: true });
}
