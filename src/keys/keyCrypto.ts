import type { Config } from '../config/config';
import { deriveKeyMaterial } from './secrets/keyEncryption';

/** Server-side key material for API keys. */
export interface KeyCrypto {
  hmacKey: Buffer;
  encryptionKey: Buffer;
}

const DEVELOPMENT_SEED = 'contentgate-development-only-key-material';

/**
 * Derives the key material from configuration. Without `KEY_HASH_SECRET` / `KEY_ENCRYPTION_KEY`
 * a fixed development seed is used (production refuses to start without them, see config).
 */
export function keyCryptoFromConfig(config: Pick<Config, 'keyHashSecret' | 'keyEncryptionKey'>): KeyCrypto {
  return {
    hmacKey: deriveKeyMaterial(config.keyHashSecret, 'hmac', DEVELOPMENT_SEED),
    encryptionKey: deriveKeyMaterial(config.keyEncryptionKey, 'encryption', DEVELOPMENT_SEED),
  };
}
