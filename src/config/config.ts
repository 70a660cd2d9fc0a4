import fs from 'node:fs';
import path from 'node:path';
import { parsePlans, type Plan } from './plans';

/**
 * Typed configuration: the only reader of `process.env`. Every setting has a safe default for a
 * developer machine; secrets that protect stored keys must be set explicitly in production.
 */
export interface Config {
  /** Public listener. */
  host: string;
  port: number;
  /** A real MongoDB; when absent an embedded FerretDB (or mongod) is started. */
  mongodbUri?: string;
  /** Database name used with `mongodbUri` or the embedded server. */
  databaseName: string;
  /** Folder for the embedded database's files. */
  dataDir: string;
  /** Folder for tools the project builds itself (FerretDB). */
  toolsDir: string;
  /** An explicit FerretDB binary. */
  ferretdbBin?: string;
  /** Where a client reaches this server (OpenAPI `servers`, printed URLs). */
  publicUrl?: string;
  /** Development mode enables Apollo Sandbox and the offline GraphiQL page. */
  isProduction: boolean;
  /** Pepper of the keyed hash API keys are stored and found by (`KEY_HASH_SECRET`). */
  keyHashSecret?: string;
  /** Key of the AES-GCM copy of API keys shown on the admin page (`KEY_ENCRYPTION_KEY`). */
  keyEncryptionKey?: string;
  /** Whether GraphQL introspection is open, every key on its own view (`GRAPHQL_INTROSPECTION`; default: not in production). */
  introspection: boolean;
  /** How many per-key GraphQL schema views are kept (`GRAPHQL_VIEWS`, default 256; keys with equal rights share one). */
  graphqlViews: number;
  /** Internal listener (key management, admin page): loopback by default. */
  internalHost: string;
  internalPort: number;
  /** Browser origins allowed to call the public API (`CORS_ORIGINS`, comma-separated; `*` for any). */
  corsOrigins: string[];
  /** Token the internal listener requires (`ADMIN_TOKEN`); a random one is made per start in development. */
  adminToken?: string;
  /** Size of the in-process read cache in MiB (`RESPONSE_CACHE_MB`, default 64; 0 turns it off). */
  responseCacheMiB: number;
  /** Size of the in-process copies of content types in MiB (`TYPE_VIEWS_MB`, default 128; 0 turns them off). */
  typeViewsMiB: number;
  /** Where content objects live (`CONTENT_LAYOUT`): detected from the server when absent. */
  contentLayout?: string;
  /** Level of the operational log (`LOG_LEVEL`: fatal, error, warn, info, debug, trace, silent; default info). */
  logLevel: string;
  /** How long shutdown waits for requests in flight before closing their connections (`SHUTDOWN_GRACE_MS`, default 10 s). */
  shutdownGraceMs: number;
  /**
   * How long, after a stop signal, the instance reports not ready while still serving before its
   * listeners close (`SHUTDOWN_DELAY_MS`, default 0): time for a load balancer to stop sending to it.
   */
  shutdownDelayMs: number;
  /** How many objects one public request's answer may hold in all (`MAX_RESULT_OBJECTS`, see `ResultBudget`). */
  maxResultObjects: number;
  /** Whether media files need a key with read on `_media` of their account (`MEDIA_REQUIRE_KEY`, default false: served by their unguessable id, as Flotiq does). */
  mediaRequireKey: boolean;
  /** Media upload bounds and the orphan sweep (see README "Media"). */
  media: MediaConfig;
  /** Plans, call counting and rate limits (see README "Plans, quotas and rate limits"). */
  quotas: QuotaConfig;
}

/** Media upload and storage housekeeping. */
export interface MediaConfig {
  /** Longest a `POST /api/media` request may take to arrive (`MEDIA_UPLOAD_TIMEOUT_MS`, default 120 s; 0: no limit). */
  uploadTimeoutMs: number;
  /** Age after which a stored file without its `_media` object is removed (`MEDIA_ORPHAN_GRACE_MS`, default 10 min). */
  orphanGraceMs: number;
  /** How often the orphan sweep runs (`MEDIA_SWEEP_INTERVAL_MS`, default 10 min; 0: only at start). */
  sweepIntervalMs: number;
}

/** What the quota layer enforces. */
export interface QuotaConfig {
  /** Counting and every limit (`QUOTAS=off` turns them off, e.g. behind another limiter). */
  enabled: boolean;
  /** The plans: defaults merged with `PLANS_JSON` or the file `PLANS_FILE`. */
  plans: Record<string, Plan>;
  /** Requests with a missing, malformed or unknown key per client address and minute (`BAD_KEY_LIMIT`, default 30). */
  badKeyLimitPerMinute: number;
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The project root (two levels above this file). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Reads the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT, 3000, 'PORT');
  if (env.NODE_ENV === 'production' && (!nonEmpty(env.KEY_HASH_SECRET) || !nonEmpty(env.KEY_ENCRYPTION_KEY) || !nonEmpty(env.ADMIN_TOKEN))) {
    throw new Error('KEY_HASH_SECRET, KEY_ENCRYPTION_KEY and ADMIN_TOKEN must be set in production');
  }
  if (nonEmpty(env.ADMIN_TOKEN) && nonEmpty(env.ADMIN_TOKEN)!.length < 24) throw new Error('ADMIN_TOKEN must be at least 24 characters');
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    mongodbUri: nonEmpty(env.MONGODB_URI),
    databaseName: env.MONGODB_DATABASE ?? 'contentgate',
    dataDir: path.resolve(PROJECT_ROOT, env.CONTENTGATE_DATA_DIR ?? '.data'),
    toolsDir: path.resolve(PROJECT_ROOT, env.CONTENTGATE_TOOLS_DIR ?? '.tools'),
    ferretdbBin: nonEmpty(env.FERRETDB_BIN),
    publicUrl: nonEmpty(env.PUBLIC_URL),
    isProduction: env.NODE_ENV === 'production',
    keyHashSecret: nonEmpty(env.KEY_HASH_SECRET),
    keyEncryptionKey: nonEmpty(env.KEY_ENCRYPTION_KEY),
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : env.NODE_ENV !== 'production',
    graphqlViews: parseCount(env.GRAPHQL_VIEWS, 256, 'GRAPHQL_VIEWS'),
    internalHost: env.INTERNAL_HOST ?? '127.0.0.1',
    internalPort: parsePort(env.INTERNAL_PORT, 3001, 'INTERNAL_PORT'),
    adminToken: nonEmpty(env.ADMIN_TOKEN),
    responseCacheMiB: parseCacheSize(env.RESPONSE_CACHE_MB, 64, 'RESPONSE_CACHE_MB'),
    typeViewsMiB: parseCacheSize(env.TYPE_VIEWS_MB, 128, 'TYPE_VIEWS_MB'),
    contentLayout: nonEmpty(env.CONTENT_LAYOUT),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    shutdownGraceMs: parseDuration(env.SHUTDOWN_GRACE_MS, 10_000, 'SHUTDOWN_GRACE_MS'),
    shutdownDelayMs: parseDuration(env.SHUTDOWN_DELAY_MS, 0, 'SHUTDOWN_DELAY_MS'),
    maxResultObjects: parseCount(env.MAX_RESULT_OBJECTS, 20_000, 'MAX_RESULT_OBJECTS'),
    quotas: {
      enabled: env.QUOTAS !== 'off',
      plans: parsePlans(nonEmpty(env.PLANS_JSON) ?? (nonEmpty(env.PLANS_FILE) ? fs.readFileSync(nonEmpty(env.PLANS_FILE)!, 'utf8') : undefined)),
      badKeyLimitPerMinute: parseCount(env.BAD_KEY_LIMIT, 30, 'BAD_KEY_LIMIT'),
    },
    mediaRequireKey: parseFlag(env.MEDIA_REQUIRE_KEY, 'MEDIA_REQUIRE_KEY'),
    media: {
      uploadTimeoutMs: parseDuration(env.MEDIA_UPLOAD_TIMEOUT_MS, 120_000, 'MEDIA_UPLOAD_TIMEOUT_MS'),
      orphanGraceMs: parseDuration(env.MEDIA_ORPHAN_GRACE_MS, 600_000, 'MEDIA_ORPHAN_GRACE_MS'),
      sweepIntervalMs: parseDuration(env.MEDIA_SWEEP_INTERVAL_MS, 600_000, 'MEDIA_SWEEP_INTERVAL_MS'),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  };
}

function parseFlag(value: string | undefined, name: string): boolean {
  if (nonEmpty(value) === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`${name} must be true or false`);
}

function parseCacheSize(value: string | undefined, fallback: number, name: string): number {
  if (nonEmpty(value) === undefined) return fallback;
  const size = Number(value);
  if (!Number.isFinite(size) || size < 0 || size > 65536) throw new Error(`${name} must be a number of MiB from 0 to 65536`);
  return size;
}

function parseCount(value: string | undefined, fallback: number, name: string): number {
  if (nonEmpty(value) === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error(`${name} must be a whole number from 1 to 100000`);
  return count;
}

function parseLogLevel(value: string | undefined): string {
  const level = nonEmpty(value)?.toLowerCase() ?? 'info';
  if (!LOG_LEVELS.has(level)) throw new Error(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}`);
  return level;
}

function parseDuration(value: string | undefined, fallback: number, name: string): number {
  if (nonEmpty(value) === undefined) return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new Error(`${name} must be a number of milliseconds from 0 to 600000`);
  return ms;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function parsePort(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return port;
}
