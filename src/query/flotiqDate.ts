/**
 * Date normalisation for filters: clients write dates in several shapes (`2024-01-01`,
 * `2024-01-01 10:00:00`, `2024-01-01T10:00:00Z`, `...+02:00`, `...+0000`); storage compares strings
 * lexically, so a filter date must first be rewritten into the stored shape.
 */

/** Date, then optionally a time (`T` or space), seconds, a fraction, and a zone (`Z`, `±HH`, `±HHmm`, `±HH:mm`). */
const DATE_INPUT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s?(Z|[+-]\d{2}(?::?\d{2})?))?)?$/i;

/** Longer inputs are refused before the regular expression runs. */
const MAX_DATE_INPUT_LENGTH = 64;

interface ParsedDate {
  /** The instant in UTC. */
  utc: Date;
  hasTime: boolean;
}

/** Normalises a client date to Flotiq's stored `YYYY-MM-DDTHH:mm:ss+00:00` (UTC); undefined when it is not a valid date. A zone-less date is UTC. */
export function toFlotiqDate(input: string): string | undefined {
  const parsed = parseDate(input);
  if (!parsed) return undefined;
  return `${datePart(parsed.utc)}T${timePart(parsed.utc)}+00:00`;
}

/**
 * Normalises a client date to the `dateTime` input's stored shape: `YYYY-MM-DD` for a date alone,
 * otherwise `YYYY-MM-DDTHH:mm`, with `:ss` kept only when the seconds are not zero (stored values
 * have minute precision, so this keeps lexical comparison exact). A zone converts the time to UTC.
 * Undefined when it is not a valid date.
 */
export function toDateTimeValue(input: string): string | undefined {
  const parsed = parseDate(input);
  if (!parsed) return undefined;
  if (!parsed.hasTime) return datePart(parsed.utc);
  const time = timePart(parsed.utc);
  return `${datePart(parsed.utc)}T${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

function parseDate(input: string): ParsedDate | undefined {
  if (input.length > MAX_DATE_INPUT_LENGTH) return undefined;
  const match = DATE_INPUT.exec(input.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;

  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  // A day past the month's end rolls over; such a date does not exist.
  if (utc.getUTCDate() !== day) return undefined;

  const offset = zone === undefined ? 0 : offsetMinutes(zone);
  if (offset === undefined) return undefined;
  const shifted = new Date(utc.getTime() - offset * 60_000);
  const shiftedYear = shifted.getUTCFullYear();
  if (shiftedYear < 0 || shiftedYear > 9999) return undefined;
  return { utc: shifted, hasTime: h !== undefined };
}

function offsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function datePart(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function timePart(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
