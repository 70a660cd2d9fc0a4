/** Formats a time in Flotiq's date format, `YYYY-MM-DDTHH:mm:ss+00:00` (UTC). */
export function flotiqDate(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
