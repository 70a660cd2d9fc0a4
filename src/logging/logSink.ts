/**
 * What lower layers need of a logger (pino's methods, object first): the database and the embedded
 * server log through this, never through `console`.
 */
export interface LogSink {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A sink that writes each entry as one line of text (the CLI and test set-up, which have no JSON log). */
export function lineSink(write: (line: string) => void): LogSink {
  const entry = (message: string, fields: object) => write(`${message} ${JSON.stringify(fields)}`);
  return { info: (fields, message) => entry(message, fields), warn: (fields, message) => entry(message, fields), error: (fields, message) => entry(message, fields) };
}
