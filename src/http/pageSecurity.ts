import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * What a browser may do with our responses. Every response is `nosniff`, and every response that is not
 * one of our pages carries `API_RESPONSE_POLICY`, which runs nothing even if a browser did render it. A
 * page (`renderPage`) is one document whose only script and style are its own inline ones, allowed by
 * hash, so markup that reached the page from content can never run; values from outside go into the
 * markup only through `escapeHtml`.
 */

/** The policy of every response that is not a page: nothing loads, nothing runs, nothing frames it. */
export const API_RESPONSE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** A rendered page and the Content-Security-Policy it must be served with. */
export interface Page {
  html: string;
  policy: string;
}

/** The parts of a page; `script` and `style` are its only inline script and style. */
export interface PageParts {
  title: string;
  /** Body markup: fixed text, with every outside value passed through `escapeHtml`. */
  body: string;
  /** `data-*` attributes of `<body>` (escaped here): how the script gets values from the server. */
  data?: Record<string, string>;
  script: string;
  style: string;
  /** What the page may load beyond itself, each source exactly. */
  allow?: {
    /** Script files the page loads (in this order, before its own script), e.g. one CDN file. */
    scripts?: readonly string[];
    /** Frame origins. */
    frames?: readonly string[];
    /** Values of `style` attributes a script sets (allowed by hash). */
    styleAttributes?: readonly string[];
  };
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Decides a page's document and policy: `default-src 'none'`; its inline script and style by hash (plus
 * the exact `allow` sources); fetches to its own origin only; images from `data:` (the QR code, the
 * empty favicon); no plugins, no `<base>`, no form posts, never framed.
 */
export function renderPage(parts: PageParts): Page {
  if (/<\/(script|style)/i.test(parts.script + parts.style)) throw new Error('A page script or style must not close its element');
  const allow = parts.allow ?? {};
  const styleAttributes = allow.styleAttributes ?? [];
  const policy = [
    "default-src 'none'",
    `script-src ${[hashSource(parts.script), ...(allow.scripts ?? [])].join(' ')}`,
    `style-src ${[hashSource(parts.style), ...(styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes.map(hashSource)] : [])].join(' ')}`,
    "connect-src 'self'",
    'img-src data:',
    ...(allow.frames?.length ? [`frame-src ${allow.frames.join(' ')}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const data = Object.entries(parts.data ?? {})
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style></head>
<body${data}>
${parts.body}
${(allow.scripts ?? []).map((url) => `<script src="${escapeHtml(url)}"></script>\n`).join('')}<script>${parts.script}</script>
</body></html>
`;
  return { html, policy };
}

/** Sends a page as HTML with its policy. */
export function sendPage(reply: FastifyReply, page: Page): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', page.policy).send(page.html);
}

/** Adds `nosniff` to every response of `app`, and `API_RESPONSE_POLICY` to every one that is not a page. */
export function registerResponseSecurity(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_RESPONSE_POLICY);
  });
}
