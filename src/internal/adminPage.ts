/** Placeholder admin page (replaced by the full page). */
export function adminPageHtml(endpoint: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>contentgate admin</title></head><body><h1>contentgate admin</h1><p>API: ${endpoint}</p></body></html>`;
}
