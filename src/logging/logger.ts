import pino, { type DestinationStream, type Logger } from 'pino';
import { censor, SECRET_HEADER_PATHS, URL_PATHS } from './redaction';

/** The logger every part of contentgate writes operational logs to (pino, JSON lines). */
export type AppLogger = Logger;

/**
 * Creates the process logger: JSON lines at `level`, with API keys and tokens redacted wherever a
 * request is logged (headers, and `auth_token` values inside logged URLs). Writes to `destination`
 * (stdout by default; tests capture it).
 */
export function createLogger(level: string, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: [...SECRET_HEADER_PATHS, ...URL_PATHS], censor },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing (tests and benchmarks that build servers in-process). */
export function silentLogger(): AppLogger {
  return pino({ level: 'silent' });
}
